package org.eurosec.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eurosec.analysis.SignatureDating;
import org.eurosec.model.Architecture;
import org.eurosec.model.Crosswalk;

/**
 * The dating conventions a panel can follow: eurosec's own (an obligation binds from entry into
 * force, a party from its accession), or another dataset's, as its crosswalk in
 * {@code data/crosswalk/} describes it (ATOP and COW count from signature and from the signature
 * of an accession protocol).
 */
public final class Conventions {

    private Conventions() {
    }

    /** The conventions a question accepts: eurosec (the default) and the datasets with a crosswalk. */
    public static final List<String> NAMES = List.of("eurosec", "atop", "cow");

    /** The crosswalk of a dataset, or an {@link QueryException.InvalidParameter} on {@code field}. */
    static Crosswalk crosswalk(Map<String, Crosswalk> crosswalks, String field, String dataset) {
        Crosswalk c = crosswalks.get(dataset);
        if (c == null) {
            throw new QueryException.InvalidParameter(field, "'" + dataset + "' is not a dataset with a crosswalk (known: "
                    + String.join(", ", crosswalks.keySet()) + ")");
        }
        return c;
    }

    /**
     * History dated under a convention: unchanged for {@code eurosec} or none, else re-dated from
     * signature as the named dataset's crosswalk says.
     */
    static SignatureDating.Result apply(Eurosec e, Architecture world, String field, Optional<String> convention) {
        String name = convention.map(String::trim).orElse("eurosec");
        if (!NAMES.contains(name)) {
            throw new QueryException.InvalidParameter(field, "'" + name + "' is not a dating convention (" + String.join(", ", NAMES) + ")");
        }
        if (name.equals("eurosec")) {
            return new SignatureDating.Result(world, List.of());
        }
        return SignatureDating.apply(world, crosswalk(e.crosswalks(e.architecture()), field, name));
    }
}
