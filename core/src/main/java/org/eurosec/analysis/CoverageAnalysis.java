package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.eurosec.engine.Commitment;
import org.eurosec.engine.GuaranteeGroup;
import org.eurosec.explain.Explanation;
import org.eurosec.model.State;

/**
 * Who is covered by a binding defence guarantee on a day, and by what. The answer is
 * three-valued: a day outside what the data covers is {@link Unknown}, never "not covered".
 */
public interface CoverageAnalysis {

    CoverageResult coverage(LocalDate day, Universe universe);

    /** The explanation of one state's row: provisions, instrument dates and spells, with sources. */
    Explanation explain(LocalDate day, String state);

    sealed interface CoverageResult permits Known, Unknown {
        LocalDate day();
    }

    /** The data covers the day: one row per state in the universe. */
    record Known(LocalDate day, List<StateCoverage> states) implements CoverageResult {
    }

    /** The data says nothing about the day. */
    record Unknown(LocalDate day, String message) implements CoverageResult {
    }

    /** One state's coverage on a day. {@code participating} tells whether it is a CSCE/OSCE participant that day. */
    record StateCoverage(
            State state,
            OptionalInt ccode,
            boolean participating,
            List<GuaranteeGroup> guarantees,
            List<Commitment> politicalCommitments,
            Optional<Explanation> explanation) {

        public boolean covered() {
            return !guarantees.isEmpty();
        }
    }
}
