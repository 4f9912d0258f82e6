package org.eurosec.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonWriter} writes what Jackson writes, byte for byte, for views of the shipped data (and,
 * through the assertion in {@link Json#write}, for every view any test writes with assertions on).
 */
class JsonWriterTest {

    private static final Eurosec E = Eurosec.embedded();

    private static String jackson(Object view) throws Exception {
        return Json.mapper().writeValueAsString(view);
    }

    private static void same(Object view) throws Exception {
        String fast = JsonWriter.write(view);
        assertThat(JsonWriter.whyNot(view)).as(view.getClass().getName() + " is written without Jackson").isNull();
        assertThat(fast).isEqualTo(jackson(view));
    }

    /** A view that may hold what only Jackson writes (an annotated method, a @JsonValue method): the same bytes when written. */
    private static void sameIfWritten(Object view) throws Exception {
        String fast = JsonWriter.write(view);
        if (fast != null) {
            assertThat(fast).isEqualTo(jackson(view));
        }
        assertThat(Json.write(view)).isEqualTo(jackson(view) + "\n");
    }

    @Test
    void coverageOnDaysAcrossHistoryWithAndWithoutExplanations() throws Exception {
        for (String day : List.of("1949-08-24", "1970-01-01", "1991-12-26", "2009-12-01", "2026-11-01")) {
            for (boolean explain : List.of(false, true)) {
                same(E.coverage(new Coverage.Query(Optional.of(LocalDate.parse(day)), "status-quo", false, List.of(), List.of(), List.of(), explain)));
            }
            same(E.coverage(new Coverage.Query(Optional.of(LocalDate.parse(day)), "est-2009", true, List.of(), List.of(), List.of(), false)));
        }
        same(E.coverage(new Coverage.Query(Optional.of(LocalDate.parse("1900-01-01")), "status-quo", false, List.of(), List.of(), List.of(), false)));
    }

    @Test
    void actorsInstrumentsAndVetoes() throws Exception {
        for (String id : List.of("UKR", "RUS", "DEU", "GEO", "USA")) {
            same(E.actor(new Actor.Query(id, List.of(), false)));
            same(E.actor(new Actor.Query(id, List.of(), true)));
        }
        for (String id : List.of("treaty-on-european-union", "north-atlantic-treaty-1949")) {
            sameIfWritten(E.instrument(new Instruments.Query(id)));
        }
        for (String regime : List.of("status-quo", "est-2009")) {
            same(E.veto(new Veto.Query("GEO", "nato", Optional.of(LocalDate.parse("2009-12-01")), regime, List.of(), true)));
        }
        same(E.regimes(new Regimes.Query()));
        sameIfWritten(E.regimeShow(new RegimeShow.Query("est-2009"))); // an annotated method (@JsonIgnore): Jackson's
    }

    /** Strings that need escaping, empty and nested containers, nulls, numbers, and names Jackson turns to snake_case. */
    record Odd(String controlChars, List<Object> empty, Map<String, Object> nested, Integer nothing, double ratio, float share, long big,
            Optional<String> maybe, Optional<String> absent, String aBCName) {
    }

    @Test
    void escapingContainersAndNumbers() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", List.of(1, List.of(), Map.of(), List.of(Map.of("k", "v"))));
        nested.put("null", null);
        nested.put("empty", new LinkedHashMap<>());
        List<Object> empty = new ArrayList<>();
        same(new Odd("quote \" backslash \\ newline \n tab \t cr \r bell \u0007 del \u007f é ☃ \u2028", empty, nested, null, 0.1 + 0.2,
                1.5e-7f, Long.MIN_VALUE, Optional.of("x"), Optional.empty(), "n"));
        same(List.of(new Odd("", List.of(), Map.of(), 3, 1e300, 0f, 0L, Optional.empty(), Optional.empty(), "")));
    }

    record WithGetter(String a) {
        public String getB() {
            return "b";
        }
    }

    @Test
    void whatItDoesNotReproduceIsLeftToJackson() throws Exception {
        assertThat(JsonWriter.write(new WithGetter("a"))).isNull();
        assertThat(Json.write(new WithGetter("a"))).isEqualTo(jackson(new WithGetter("a")) + "\n");
        assertThat(JsonWriter.write(new Object())).isNull();
        assertThat(JsonWriter.write(Double.NaN)).isNull();
    }

    /** An Appendable that keeps each piece it is handed, to see how the text arrives. */
    private static final class Pieces implements Appendable {
        final List<String> pieces = new ArrayList<>();

        @Override
        public Appendable append(CharSequence csq) {
            pieces.add(csq.toString());
            return this;
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) {
            return append(csq.subSequence(start, end));
        }

        @Override
        public Appendable append(char c) {
            return append(String.valueOf(c));
        }
    }

    /**
     * A large answer goes out piece by piece, never held whole: a reconciliation with some hundreds
     * of disagreeing rows (a file of our own coding every kind for the USA, the United Kingdom, France,
     * Italy and the USSR towards each other, 1949-1960) arrives in pieces of about {@link JsonWriter#CHUNK}
     * characters that together are exactly what {@link Json#write(Object)} answers.
     */
    @Test
    void aLargeAnswerIsWrittenInPiecesThatMakeTheSameBytes() throws Exception {
        List<String> csv = new ArrayList<>(List.of("ccode1,ccode2,year,defense,offense,neutral,nonagg,consul"));
        List<Integer> codes = List.of(2, 200, 220, 325, 365);
        for (int y = 1949; y <= 1960; y++) {
            for (int a : codes) {
                for (int b : codes) {
                    if (a != b) {
                        csv.add(a + "," + b + "," + y + ",1,1,1,1,1");
                    }
                }
            }
        }
        Reconcile.View view = E.reconcile(new Reconcile.Query("atop", "atop.csv", String.join("\n", csv) + "\n", "file", Optional.empty(), List.of(),
                List.of(), false));
        String whole = Json.write(view);
        assertThat(view.rows()).hasSizeGreaterThan(300);
        assertThat(whole.length()).isGreaterThan(3 * JsonWriter.CHUNK);
        Pieces sink = new Pieces();
        Json.write(view, sink);
        assertThat(String.join("", sink.pieces)).isEqualTo(whole);
        assertThat(sink.pieces).hasSizeGreaterThan(3);
        // a piece is handed on once it reaches CHUNK, so none is much longer (a row is under a thousand characters)
        assertThat(sink.pieces).allSatisfy(piece -> assertThat(piece.length()).isLessThan(JsonWriter.CHUNK + 4096));
    }

    /** A view only Jackson can write is found out before any piece goes out: nothing half-written, then Jackson's text whole. */
    @Test
    void aViewLeftToJacksonIsNotHalfWrittenFirst() throws Exception {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add("row " + i);
        }
        rows.add(new WithGetter("a"));
        Pieces sink = new Pieces();
        assertThat(JsonWriter.write(rows, "\n", sink)).isFalse();
        assertThat(sink.pieces).isEmpty();
        Json.write(rows, sink);
        assertThat(String.join("", sink.pieces)).isEqualTo(jackson(rows) + "\n");
    }

    @Test
    void snakeCaseAsJackson() {
        assertThat(JsonWriter.snakeCase("gwCode")).isEqualTo("gw_code");
        assertThat(JsonWriter.snakeCase("iso3")).isEqualTo("iso3");
        assertThat(JsonWriter.snakeCase("aBCName")).isEqualTo("a_bcname");
        assertThat(JsonWriter.snakeCase("_x")).isEqualTo("x");
    }
}
