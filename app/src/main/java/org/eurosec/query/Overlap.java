package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eurosec.analysis.OrganisationOverlap;
import org.eurosec.analysis.OrganisationOverlap.Body;
import org.eurosec.model.Dimension;

/**
 * The "plethora of security organisations" per world: membership overlap between every pair of
 * bodies (treaty bodies included) and overlap of their mandates across the four dimensions.
 */
public final class Overlap {

    private Overlap() {
    }

    /** Which pairs a listing shows: those sharing a member, those sharing a member and a dimension, or all. */
    public enum Pairs {
        OVERLAPPING, DUPLICATING, ALL;

        public static Pairs of(String field, String id) {
            for (Pairs p : values()) {
                if (p.name().toLowerCase(Locale.ROOT).equals(id.trim())) {
                    return p;
                }
            }
            throw new QueryException.InvalidParameter(field, "'" + id + "' is not one of overlapping, duplicating, all");
        }

        public boolean lists(PairRow p) {
            return this == ALL || this == OVERLAPPING && p.sharedMembers() > 0 || this == DUPLICATING && p.duplicating();
        }
    }

    /**
     * @param withNominal also count mandate dimensions the data marks nominal
     * @param pairs which pairs a listing shows (the JSON has them all)
     */
    public record Query(Worlds.Scope scope, boolean withNominal, Pairs pairs) {
        public static Query of(Params p) {
            return new Query(Worlds.Scope.of(p), p.flag("with_nominal"), Pairs.of("pairs", p.one("pairs").orElse("overlapping")));
        }
    }

    /** {@code provisional}: the day lies after {@code facts_checked_through}, answered from the facts as last checked. */
    public record View(boolean withNominal, List<Worlds.Entry> views, boolean provisional, LocalDate factsCheckedThrough) {
    }

    /**
     * One world's bodies, pairs and dimensions. Means are written rounded (two decimals); the
     * view keeps them whole, and the mean Jaccard index for the summary only.
     */
    public record WorldOverlap(String regime, LocalDate asOf, boolean known, List<BodyRow> bodies, List<PairRow> pairs,
            Map<String, DimensionRow> dimensions, @JsonSerialize(using = Two.class) double meanBodiesPerState, long duplicatingPairs,
            Map<String, Integer> perState, @JsonIgnore double meanJaccard) implements Worlds.Entry {
    }

    /** A body: its members in the universe, its mandate's dimensions that day and the source of each. */
    public record BodyRow(String id, String name, boolean treatyBody, Set<String> members, List<String> dimensions,
            Map<String, String> mandateSources) {
    }

    /** Two bodies: shared members, the Jaccard index of their memberships (written to three decimals), shared dimensions. */
    public record PairRow(String body1, String body2, int sharedMembers, @JsonSerialize(using = Three.class) double jaccard,
            List<String> sharedDimensions, @JsonIgnore boolean duplicating) {
    }

    /** A dimension: the bodies whose mandate covers it, how many of them a state belongs to on average, states in two or more. */
    public record DimensionRow(int bodies, @JsonSerialize(using = Two.class) double meanBodiesPerState,
            @JsonProperty("states_in_2_or_more") int statesInTwoOrMore) {
    }

    static View answer(Eurosec e, Query q) {
        var universe = q.scope().universe();
        Common.Checked checked = Worlds.checked(e, q.scope());
        return new View(q.withNominal(), Worlds.each(e, q.scope(),
                (w, c) -> OrganisationOverlap.of(c, w.day(), universe, q.withNominal()).map(o -> {
                    List<BodyRow> bodies = o.bodies().stream().map(Overlap::body).toList();
                    List<PairRow> pairs = o.pairs().stream().map(p -> new PairRow(p.a().id(), p.b().id(), p.shared(), p.jaccard(),
                            ids(p.sharedDimensions()), p.duplicating())).toList();
                    Map<String, DimensionRow> dims = new LinkedHashMap<>();
                    o.perDimension().forEach((d, f) -> dims.put(d.id(), new DimensionRow(f.bodies(), f.meanPerState(), f.statesInTwoOrMore())));
                    return new WorldOverlap(w.label(), o.day(), true, bodies, pairs, dims, o.meanBodiesPerState(), o.duplicatingPairs(),
                            o.perState(), o.meanJaccard());
                })), checked.provisional(), checked.factsCheckedThrough());
    }

    private static BodyRow body(Body b) {
        Map<String, String> sources = new LinkedHashMap<>();
        b.sources().forEach((d, u) -> sources.put(d.id(), u));
        return new BodyRow(b.id(), b.name(), b.treatyBody(), b.members(), ids(b.dimensions()), sources);
    }

    private static List<String> ids(Set<Dimension> ds) {
        return ds.stream().map(Dimension::id).toList();
    }

    /** A number written rounded to a number of decimals (the view keeps it whole). */
    abstract static class Rounded extends StdSerializer<Double> {
        private final double scale;

        Rounded(double scale) {
            super(Double.class);
            this.scale = scale;
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeNumber(Math.round(v * scale) / scale);
        }
    }

    /** Two decimals. */
    static final class Two extends Rounded {
        Two() {
            super(100);
        }
    }

    /** Three decimals. */
    static final class Three extends Rounded {
        Three() {
            super(1000);
        }
    }
}
