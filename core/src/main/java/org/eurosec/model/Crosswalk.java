package org.eurosec.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How eurosec's instruments correspond to the alliances of another dataset (ATOP, COW), read from
 * {@code data/crosswalk/DATASET.yaml}: each instrument with the dataset's alliance id, the days that
 * dataset counts a party from when it dates differently (an accession protocol's signature), and the
 * sourced notes that explain a known difference between the two codings; plus the dataset's
 * pledges that eurosec leaves out on purpose ({@code out_of_scope}: a political declaration, a
 * settlement outside the Euro-Atlantic area, a clause eurosec does not count) and those of known
 * treaties eurosec should encode but has not yet, their text or security article not read ({@code
 * not_encoded}: open work, not a decision).
 *
 * @param dataset the dataset's id (the file's name): {@code atop} or {@code cow}
 * @param dating how the dataset dates an obligation: from signature, or from entry into force
 */
public record Crosswalk(String dataset, String name, String version, Dating dating, List<Entry> alliances, List<Note> outOfScope,
        List<Note> notEncoded, Provenance provenance) {

    /** The obligation columns a note may name (the research panels' columns). */
    public static final List<String> KINDS = List.of("defence", "offence", "neutrality", "non_aggression", "consultation");

    public Crosswalk {
        alliances = List.copyOf(alliances);
        outOfScope = List.copyOf(outOfScope);
        notEncoded = List.copyOf(notEncoded);
    }

    /** How a dataset dates an obligation. */
    public enum Dating {
        /** From the day of signature (of the treaty, or of a new party's accession protocol). */
        SIGNATURE,
        /** From entry into force and accession, as eurosec does. */
        ENTRY_INTO_FORCE
    }

    /**
     * One eurosec instrument and the dataset's alliance it corresponds to.
     *
     * @param id the dataset's alliance id (ATOP's atopid, COW's alliance number); empty when not confirmed
     * @param unconfirmed the id (or the correspondence) could not be confirmed from a source
     * @param notInDataset the dataset has no alliance for this instrument (its note and source say why);
     *        the entry is there for its {@code differences}, which explain the cells only eurosec codes
     * @param accessions the days the dataset counts later parties from, where they differ from accession
     * @param amendments provisions added by a later amending treaty, with the day that treaty was signed
     * @param differences known differences between the two codings of this alliance, each explained
     */
    public record Entry(String instrument, Optional<String> id, boolean unconfirmed, boolean notInDataset, List<Accession> accessions, List<Amendment> amendments,
            List<Note> differences, Provenance provenance) {
        public Entry {
            accessions = List.copyOf(accessions);
            amendments = List.copyOf(amendments);
            differences = List.copyOf(differences);
        }
    }

    /** A provision added by an amending treaty that was signed on {@code signed} (TEU Art. 42(7): the Treaty of Lisbon, 2007-12-13). */
    public record Amendment(String provision, LocalDate signed, Provenance provenance) {
    }

    /** States whose accession protocol (or treaty of accession) was signed on {@code signed}. */
    public record Accession(List<String> states, LocalDate signed, Provenance provenance) {
        public Accession {
            states = List.copyOf(states);
        }
    }

    /**
     * A sourced note on a set of directed dyad-years where the two datasets differ for a known
     * reason: the dyads are those between {@code states} and {@code with} (both ways unless
     * {@code directed}: then from {@code states} towards {@code with}), or among {@code states} when
     * {@code with} is empty, or, with {@code parties}, any two parties of the entry's instrument;
     * {@code kinds} the columns (empty: all); years inclusive (empty: any).
     *
     * @param name what the dataset's alliance is called (out_of_scope and not_encoded notes; empty in an entry's differences)
     * @param id the dataset's alliance id, when known (out_of_scope and not_encoded notes)
     */
    public record Note(Optional<String> name, Optional<String> id, Set<String> kinds, List<String> states, List<String> with, boolean directed,
            boolean parties, Optional<Integer> from, Optional<Integer> to, Provenance provenance) {
        public Note {
            kinds = Set.copyOf(kinds);
            states = List.copyOf(states);
            with = List.copyOf(with);
        }

        /** Whether the note speaks of this kind in this year. */
        public boolean covers(String kind, int year) {
            return (kinds.isEmpty() || kinds.contains(kind)) && from.map(f -> year >= f).orElse(true) && to.map(t -> year <= t).orElse(true);
        }

        /** Whether the note's listed states make the directed dyad {@code a} towards {@code b} (not for {@code parties} notes). */
        public boolean names(String a, String b) {
            if (with.isEmpty()) {
                return states.contains(a) && states.contains(b);
            }
            return (states.contains(a) && with.contains(b)) || (!directed && states.contains(b) && with.contains(a));
        }
    }
}
