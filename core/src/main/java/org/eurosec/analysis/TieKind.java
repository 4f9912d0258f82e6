package org.eurosec.analysis;

import java.util.Arrays;
import java.util.Optional;

/** Which binding links between two states count as a tie when blocs are drawn. */
public enum TieKind {
    /** One of the two is obliged by a binding provision in force to assist the other (a guarantee, either way). */
    DEFENCE("a binding provision in force obliges one of the two to assist the other"),
    /**
     * Both are parties to a binding instrument in force with a collective-defence, mutual-assistance
     * or indivisibility provision in force, whether it obliges or only entitles: the wider reading of
     * a collective-security treaty's reach, under which the 2009 draft's parties form a group.
     */
    SECURITY_TREATY("both are parties to a binding instrument in force with a collective-defence, mutual-assistance or indivisibility provision");

    private final String meaning;

    TieKind(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Optional<TieKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }
}
