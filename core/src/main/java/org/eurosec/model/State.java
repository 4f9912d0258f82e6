package org.eurosec.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A state (or a de facto state) of the area. {@code id} is the project id, equal to {@code iso3}
 * except where a historical code is shared (see {@code data/states.yaml}).
 */
public record State(
        String id,
        String name,
        String iso3,
        List<CodeSpell> ccodes,
        OptionalInt gwCode,
        List<Dated> exists,
        Recognition recognition,
        Set<String> tags,
        List<String> predecessors,
        Provenance provenance) {

    public boolean existsOn(LocalDate day) {
        for (Dated d : exists) {
            if (d.span().contains(day)) {
                return true;
            }
        }
        return false;
    }

    /** The COW number on a day: the spell containing it, else the nearest one (codes outlive gaps). */
    public OptionalInt ccodeOn(LocalDate day) {
        for (CodeSpell c : ccodes) {
            if (c.span().contains(day)) {
                return OptionalInt.of(c.ccode());
            }
        }
        return OptionalInt.empty();
    }

    /** The COW number most recently in use on or before a day, or the first one: for listings. */
    public OptionalInt ccodeNear(LocalDate day) {
        OptionalInt on = ccodeOn(day);
        if (on.isPresent() || ccodes.isEmpty()) {
            return on;
        }
        CodeSpell best = ccodes.get(0);
        for (CodeSpell c : ccodes) {
            if (!c.span().from().isAfter(day)) {
                best = c;
            }
        }
        return OptionalInt.of(best.ccode());
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    public Optional<Dated> spellOn(LocalDate day) {
        return exists.stream().filter(d -> d.span().contains(day)).findFirst();
    }
}
