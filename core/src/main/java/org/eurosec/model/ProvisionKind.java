package org.eurosec.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The closed set of provision kinds. It starts from ATOP's obligation types (defence, offence,
 * neutrality, non-aggression, consultation) and adds what the European treaties need. Adding a
 * kind is a design change: the engine must learn what it means.
 */
public enum ProvisionKind {
    COLLECTIVE_DEFENCE("an attack on one party is an attack on all; the others assist"),
    MUTUAL_ASSISTANCE("parties assist a party that is attacked"),
    OFFENCE("parties join in an offensive action"),
    NEUTRALITY("parties stay neutral if another party is at war"),
    NON_AGGRESSION("parties do not attack or join alliances directed against each other"),
    CONSULTATION("parties consult when one of them asks"),
    CONFERENCE("a conference of the parties meets and decides"),
    EXTRAORDINARY_CONFERENCE("a conference convened at once after an attack or threat"),
    INFORMATION_REQUEST("a party may ask another for information"),
    ACCESSION_RULE("how new parties or members are admitted"),
    WITHDRAWAL("how a party leaves"),
    ENTRY_INTO_FORCE("when the instrument starts or keeps binding"),
    INDIVISIBILITY("security is indivisible: none strengthens its own at others' expense"),
    FREE_CHOICE_OF_ALLIANCES("each state may choose or change its security arrangements"),
    NON_ENLARGEMENT("an alliance does not admit new members"),
    DEPLOYMENT_LIMIT("limits on forces or weapons stationed on given territory"),
    ARMS_CEILING("numerical limits on armaments"),
    CSBM_NOTIFICATION("prior notification of military activities"),
    OBSERVATION("observation, inspection or observation flights"),
    NON_USE_OF_FORCE("refrain from the threat or use of force"),
    SELF_DEFENCE("the right of individual or collective self-defence"),
    COLLECTIVE_SECURITY("collective measures decided by a central body"),
    REGIONAL_ARRANGEMENT("regional arrangements for peace and security"),
    NO_CONFLICTING_OBLIGATIONS("parties take on no obligations in conflict with the instrument"),
    DISPUTE_SETTLEMENT("peaceful settlement of disputes"),
    COOPERATION("cooperation in a dimension"),
    PRINCIPLE("a principle or statement without a more specific kind");

    private final String meaning;

    ProvisionKind(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether a provision of this kind can make one party a guarantor of another. */
    public boolean canGuarantee() {
        return this == COLLECTIVE_DEFENCE || this == MUTUAL_ASSISTANCE;
    }

    public static Optional<ProvisionKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }
}
