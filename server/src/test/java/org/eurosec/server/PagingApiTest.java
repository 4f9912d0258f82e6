package org.eurosec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eurosec.load.EmbeddedData;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Procedures and journal a page at a time over HTTP: following the cursors gives everything once,
 * in order; ?after= from the last cursor gives only what changed; limits are checked; a delegation's
 * pages hold only what it may see; and the journal's signed head is checked incrementally: it
 * answers from what it checked before plus what was written since, and refuses a journal cut short
 * under it.
 */
class PagingApiTest {

    static final Architecture BASE = EmbeddedData.load();

    @TempDir
    Path dir;

    @Test
    void proceduresAndJournalArePagedWithACursor() throws Exception {
        try (Database db = Database.open(Database.defaultUrl(dir.resolve("db")))) {
            Exercises store = new Exercises(db, BASE, EmbeddedData.regimes(BASE), Clock.systemUTC());
            Exercises.Created ex = store.create("est-2009", LocalDate.of(2010, 6, 1), "real", 1, ProcedureRules.Settings.defaults());
            ApiServer server = new ApiServer(store).start("127.0.0.1", 0);
            try {
                int port = server.port();
                String path = "/api/exercises/" + ex.id();
                String dep = ex.tokens().get("depositary");
                List<String> askers = List.of("RUS", "POL", "USA", "FRA", "DEU", "ITA", "ESP");
                for (String a : askers) {
                    assertThat(StoreApiTest.call(port, "POST", path + "/actions", ex.tokens().get("delegation:" + a), StoreApiTest.ask("GEO", a)).status())
                            .isEqualTo(201);
                }
                // USA asks consultations of GBR alone: a procedure GEO may not see.
                assertThat(StoreApiTest.call(port, "POST", path + "/actions", ex.tokens().get("delegation:USA"),
                        "{\"kind\":\"request-consultations\",\"with\":[\"GBR\"],\"subject\":\"x\"}").status()).isEqualTo(201);

                // Three at a time, the cursor followed to the end: every procedure once, in the order of change.
                List<Integer> seen = new ArrayList<>();
                long after = 0;
                int pages = 0;
                while (true) {
                    StoreApiTest.Reply r = StoreApiTest.call(port, "GET", path + "/procedures?limit=3&after=" + after, dep, null);
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.json().get("procedures").size()).isLessThanOrEqualTo(3);
                    r.json().get("procedures").forEach(p -> seen.add(p.get("id").asInt()));
                    after = r.json().get("next_after").asLong();
                    pages++;
                    if (!r.json().get("more").asBoolean()) {
                        break;
                    }
                }
                assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
                assertThat(pages).isEqualTo(3);
                StoreApiTest.Reply all = StoreApiTest.call(port, "GET", path + "/procedures", dep, null);
                assertThat(all.json().get("procedures").size()).as("the default page holds 100").isEqualTo(8);

                // GEO replies to RUS's request: from the last cursor, only that procedure comes, answered.
                assertThat(StoreApiTest.call(port, "POST", path + "/actions", ex.tokens().get("delegation:GEO"),
                        "{\"kind\":\"reply\",\"procedure\":1,\"text\":\"routine\"}").status()).isEqualTo(201);
                StoreApiTest.Reply since = StoreApiTest.call(port, "GET", path + "/procedures?after=" + after, dep, null);
                assertThat(since.json().get("procedures")).singleElement().satisfies(p -> {
                    assertThat(p.get("id").asInt()).isEqualTo(1);
                    assertThat(p.get("status").asText()).isEqualTo("answered");
                });
                assertThat(since.json().get("next_after").asLong()).isGreaterThan(after);

                // Filters, and what GEO may see: the requests to it, not USA's consultations with GBR.
                String geo = ex.tokens().get("delegation:GEO");
                StoreApiTest.Reply mine = StoreApiTest.call(port, "GET", path + "/procedures", geo, null);
                assertThat(mine.json().get("procedures").findValuesAsText("kind")).doesNotContain("consultations").hasSize(7);
                StoreApiTest.Reply open = StoreApiTest.call(port, "GET", path + "/procedures?state=open&involving=rus", dep, null);
                assertThat(open.json().get("procedures").size()).as("RUS's request was answered").isZero();
                StoreApiTest.Reply usa = StoreApiTest.call(port, "GET", path + "/procedures?involving=USA&kind=consultations", dep, null);
                assertThat(usa.json().get("procedures")).singleElement().satisfies(p -> assertThat(p.get("id").asInt()).isEqualTo(8));
                for (String bad : List.of("?limit=0", "?limit=1001", "?after=-1", "?after=x", "?state=pending", "?involving=Georgia", "?colour=red")) {
                    StoreApiTest.Reply r = StoreApiTest.call(port, "GET", path + "/procedures" + bad, dep, null);
                    assertThat(r.status()).as(bad).isEqualTo(400);
                    assertThat(r.json().at("/error/field").asText()).as(bad).isEqualTo(bad.substring(1, bad.indexOf('=')));
                }

                // The journal: 10 entries (creation, 8 actions, the reply), four at a time.
                List<Long> seqs = new ArrayList<>();
                long j = 0;
                while (true) {
                    StoreApiTest.Reply r = StoreApiTest.call(port, "GET", path + "/journal?limit=4&after=" + j, dep, null);
                    r.json().forEach(e -> seqs.add(e.get("seq").asLong()));
                    j = Long.parseLong(r.headers().get("x-next-after").get(0));
                    boolean more = Boolean.parseBoolean(r.headers().get("x-more").get(0));
                    assertThat(r.headers().containsKey("link")).isEqualTo(more);
                    if (!more) {
                        break;
                    }
                }
                assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
                assertThat(StoreApiTest.call(port, "GET", path + "/journal?after=10", dep, null).json().size()).isZero();
                assertThat(StoreApiTest.call(port, "GET", path + "/journal?limit=5000", dep, null).status()).isEqualTo(400);
            } finally {
                server.close();
                store.close();
            }
        }
    }

    @Test
    void theHeadIsCheckedIncrementallyAndAJournalCutShortUnderItIsRefused() throws Exception {
        try (Database db = Database.open(Database.defaultUrl(dir.resolve("db")))) {
            Exercises store = new Exercises(db, BASE, EmbeddedData.regimes(BASE), Clock.systemUTC());
            Exercises.Created ex = store.create("est-2009", LocalDate.of(2010, 6, 1), "real", 1, ProcedureRules.Settings.defaults());
            ApiServer server = new ApiServer(store).start("127.0.0.1", 0);
            try {
                int port = server.port();
                String path = "/api/exercises/" + ex.id();
                String obs = ex.tokens().get("observer");
                for (String a : List.of("RUS", "POL", "USA")) {
                    StoreApiTest.call(port, "POST", path + "/actions", ex.tokens().get("delegation:" + a), StoreApiTest.ask("GEO", a));
                }
                JsonNode head = StoreApiTest.call(port, "GET", path + "/journal/head", obs, null).json();
                assertThat(head.get("seq").asLong()).isEqualTo(4);
                // An entry checked before is edited in the database: the head, which checks only what is new, still answers;
                // the full check names the entry. (This is what "incremental" means; the whole journal is /journal/verify's.)
                try (Connection c = db.connection(); Statement st = c.createStatement()) {
                    st.executeUpdate("UPDATE journal SET body = REPLACE(body, 'POL', 'XXX') WHERE exercise_id = '" + ex.id() + "' AND seq = 3");
                }
                StoreApiTest.call(port, "POST", path + "/actions", ex.tokens().get("delegation:FRA"), StoreApiTest.ask("GEO", "FRA"));
                StoreApiTest.Reply next = StoreApiTest.call(port, "GET", path + "/journal/head", obs, null);
                assertThat(next.status()).isEqualTo(200);
                assertThat(next.json().get("seq").asLong()).isEqualTo(5);
                JsonNode verify = StoreApiTest.call(port, "GET", path + "/journal/verify", obs, null).json();
                assertThat(verify.get("intact").asBoolean()).isFalse();
                assertThat(verify.get("problems").toString()).contains("entry 3");
                // The tail is cut under the head: refused, not signed.
                try (Connection c = db.connection(); Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM journal WHERE exercise_id = '" + ex.id() + "' AND seq = 5");
                }
                StoreApiTest.Reply cut = StoreApiTest.call(port, "GET", path + "/journal/head", obs, null);
                assertThat(cut.status()).isEqualTo(503);
                assertThat(cut.json().at("/error/message").asText()).contains("entry 5").contains("missing or changed");
                // A fresh server checks the whole journal on its first call: the edited entry 3 is named.
                Exercises fresh = new Exercises(db, BASE, EmbeddedData.regimes(BASE), Clock.systemUTC());
                assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> fresh.head(ex.id()))).hasMessageContaining("entry 3");
                fresh.close();
            } finally {
                server.close();
                store.close();
            }
        }
    }
}
