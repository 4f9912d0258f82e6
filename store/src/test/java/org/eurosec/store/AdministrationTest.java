package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.Procedure;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.mechanism.RefusalReason;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator's powers over a store, on H2 and on PostgreSQL: one admin credential (stored
 * hashed, replaced on demand), credentials issued, rotated and revoked (a revoked one refused at
 * once, even when it was just used and so known in memory; by another process within a second),
 * and an exercise closed: journaled, every action refused after it, no deadline passing, and the
 * closing replayed after a restart.
 */
class AdministrationTest {

    @TempDir
    Path dir;

    /** The PostgreSQL URL from EUROSEC_PG_URL; the test is skipped without it, unless EUROSEC_REQUIRE_PG says it must be there (CI). */
    static String pgUrl() {
        return TestPostgres.url("the store's PostgreSQL tests");
    }

    Database h2() {
        return Database.open(Database.defaultUrl(dir));
    }

    Database pg() {
        return Database.open(pgUrl(), Database.Settings.defaults().withKeyFile(dir.resolve("journal.key")));
    }

    static Exercises exercises(Database db, ExercisesTest.HandClock clock) {
        return new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock);
    }

    @Test
    void theAdminCredentialIsMadeOnceStoredHashedAndReplacedOnDemandOnH2() throws Exception {
        try (Database db = h2()) {
            adminCredential(db);
        }
    }

    @Test
    void credentialsAreIssuedRotatedAndRevokedOnH2() throws Exception {
        try (Database db = h2()) {
            credentials(db);
        }
    }

    @Test
    void aClosedExerciseIsReadOnlyAndReplaysClosedOnH2() throws Exception {
        ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
        String id;
        try (Database db = h2()) {
            id = closing(exercises(db, clock), clock, true);
        }
        try (Database db = h2()) {
            reopened(exercises(db, clock), id);
        }
    }

    @Test
    void theSameOnPostgresql() throws Exception {
        try (Database db = pg()) {
            ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
            credentials(db);
            String id = closing(exercises(db, clock), clock, false);
            reopened(exercises(db, clock), id);
            // (the admin credential is the database's one: replaced here, so other tests on this database make their own)
            adminCredential(db);
        }
    }

    @Test
    void aCredentialRevokedByAnotherProcessIsRefusedWithinASecond() throws Exception {
        try (Database db = pg(); Database other = pg()) {
            ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
            Exercises server = exercises(db, clock);
            Exercises cli = exercises(other, clock);
            Exercises.Created c = server.create("est-2009", ExercisesTest.DAY, "real", 1, ProcedureRules.Settings.defaults());
            String geo = c.tokens().get("delegation:GEO");
            assertThat(server.authenticate(geo)).isPresent(); // now known in the server's memory
            assertThat(cli.revoke(c.id(), "delegation:GEO").revoked()).isEqualTo(1);
            Thread.sleep(Credentials.FRESH_MILLIS + 200);
            assertThat(server.authenticate(geo)).isEmpty();
        }
    }

    /**
     * The revoked credentials are counted again from half of {@link Credentials#FRESH_MILLIS} on, by
     * one request while the others go on with what memory holds; only once the whole time has passed
     * does a request wait for the count. (Before, everyone waited for the count once the time was up,
     * so every second the requests under way queued behind one query.) The clock is the test's.
     */
    @Test
    void aSlowCountOfRevocationsDoesNotHoldUpRequestsWhileMemoryIsFresh() throws Exception {
        try (Database db = h2()) {
            Exercises ex = exercises(db, new ExercisesTest.HandClock());
            Exercises.Created c = ex.create("est-2009", ExercisesTest.DAY, "real", 1, ProcedureRules.Settings.defaults());
            String geo = c.tokens().get("delegation:GEO");
            String rus = c.tokens().get("delegation:RUS");
            Credentials creds = ex.credentials();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool(); // not the common pool: it may have one thread
            java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);
            creds.nanos = now::get;
            assertThat(ex.authenticate(geo)).isPresent(); // counted now; GEO known in memory
            java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            creds.beforeCount = () -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            now.addAndGet(Credentials.FRESH_MILLIS * 600_000L); // 60 % of the time: still fresh, due for a new count
            var counting = java.util.concurrent.CompletableFuture.supplyAsync(() -> ex.authenticate(geo), pool);
            assertThat(inside.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the first request after half the time counts again").isTrue();
            // That count hangs (a slow database); another request meanwhile is served from memory at once.
            var other = java.util.concurrent.CompletableFuture.supplyAsync(() -> ex.authenticate(rus), pool);
            assertThat(other.get(10, java.util.concurrent.TimeUnit.SECONDS)).isPresent();
            assertThat(counting).isNotDone();
            // Past the whole time since the last finished count, memory is not trusted: a request waits for the count.
            now.addAndGet(Credentials.FRESH_MILLIS * 500_000L);
            var late = java.util.concurrent.CompletableFuture.supplyAsync(() -> ex.authenticate(geo), pool);
            Thread.sleep(300);
            assertThat(late).as("waits for the count under way").isNotDone();
            release.countDown();
            assertThat(counting.get(10, java.util.concurrent.TimeUnit.SECONDS)).isPresent();
            assertThat(late.get(10, java.util.concurrent.TimeUnit.SECONDS)).isPresent();
            pool.shutdown();
            ex.close();
        }
    }

    void adminCredential(Database db) throws Exception {
        Exercises ex = exercises(db, new ExercisesTest.HandClock());
        Optional<String> first = ex.adminToken(false);
        // A database another test already gave one keeps it; replacing makes ours.
        String token = first.isPresent() ? first.get() : ex.adminToken(true).orElseThrow();
        assertThat(token).startsWith("esa_");
        assertThat(ex.adminToken(false)).as("an existing admin credential is kept, not shown again").isEmpty();
        assertThat(ex.isAdmin(token)).isTrue();
        assertThat(ex.isAdmin(token + "x")).isFalse();
        assertThat(ex.isAdmin("")).isFalse();
        try (Connection c = db.connection(); Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT token_hash FROM admin_credential")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1).trim()).isEqualTo(Journal.sha256(token)).isNotEqualTo(token);
        }
        String replaced = ex.adminToken(true).orElseThrow();
        assertThat(replaced).isNotEqualTo(token);
        assertThat(ex.isAdmin(token)).as("the replaced credential is refused").isFalse();
        assertThat(ex.isAdmin(replaced)).isTrue();
    }

    void credentials(Database db) {
        Exercises ex = exercises(db, new ExercisesTest.HandClock());
        Exercises.Created c = ex.create("est-2009", ExercisesTest.DAY, "real", 1, ProcedureRules.Settings.defaults());
        String geo = c.tokens().get("delegation:GEO");
        assertThat(ex.authenticate(geo)).isPresent(); // known in memory from now on

        Exercises.NewCredential second = ex.issue(c.id(), "delegation:geo", false);
        assertThat(second.actor()).isEqualTo("delegation:GEO");
        assertThat(second.revoked()).isZero();
        assertThat(ex.authenticate(second.token())).contains(new Exercises.Who(c.id(), new Actor.Delegation("GEO")));
        assertThat(ex.authenticate(geo)).as("issuing leaves the others working").isPresent();

        Exercises.NewCredential rotated = ex.issue(c.id(), "delegation:GEO", true);
        assertThat(rotated.revoked()).isEqualTo(2);
        assertThat(ex.authenticate(geo)).as("rotated: refused at once, though it was known in memory").isEmpty();
        assertThat(ex.authenticate(second.token())).isEmpty();
        assertThat(ex.authenticate(rotated.token())).isPresent();

        String observer = c.tokens().get("observer");
        assertThat(ex.authenticate(observer)).isPresent();
        assertThat(ex.revoke(c.id(), "observer").revoked()).isEqualTo(1);
        assertThat(ex.authenticate(observer)).isEmpty();
        assertThat(ex.revoke(c.id(), "observer").revoked()).isZero();
        assertThat(ex.authenticate(c.tokens().get("delegation:RUS"))).as("other actors untouched").isPresent();

        List<Credentials.Issued> listed = ex.credentials(c.id());
        assertThat(listed).hasSize(c.tokens().size() + 2);
        assertThat(listed).filteredOn(i -> i.actor().equals("delegation:GEO")).extracting(i -> i.revokedAt().isEmpty())
                .containsExactlyInAnyOrder(false, false, true);
        assertThat(listed).allSatisfy(i -> {
            assertThat(i.issuedAt()).isNotEmpty();
            assertThat(c.tokens().values()).noneMatch(t -> t.contains(i.id()));
        });

        assertThatThrownBy(() -> ex.issue(c.id(), "delegation:XYZ", false)).isInstanceOfSatisfying(BadInput.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.field()).isEqualTo("actor");
        });
        assertThatThrownBy(() -> ex.issue(c.id(), "clock", false)).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> ex.revoke(c.id(), "someone")).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> ex.issue("ex-none", "observer", false)).isInstanceOfSatisfying(BadInput.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    /** Creates, acts, closes; returns the exercise's id. */
    String closing(Exercises ex, ExercisesTest.HandClock clock, boolean aloneInTheDatabase) {
        Exercises.Created c = ex.create("est-2009", ExercisesTest.DAY, "accelerated", 1440, ProcedureRules.Settings.defaults());
        String id = c.id();
        assertThat(ex.act(id, new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "exercise")).result()).isInstanceOf(Mechanism.Accepted.class);
        clock.advance(Duration.ofMinutes(11)); // eleven exercise days at 1,440x: GEO's reply (due after ten) never came
        Receipt r = ex.closeExercise(id, "end of the session");
        List<Journal.Entry> j = ex.journal(id);
        assertThat(j).extracting(Journal.Entry::kind).containsExactly("exercise-created", "request-information", "deadline-passed", "exercise-closed");
        Journal.Entry last = j.get(j.size() - 1);
        assertThat(last.actor()).isEqualTo("admin");
        assertThat(last.body()).contains("end of the session");
        assertThat(r.seq()).isEqualTo(last.seq());
        assertThat(r.hash()).isEqualTo(last.hash());
        assertThat(Journal.verify(j)).isEmpty();
        assertThat(Journal.verifySignatures(j, ex.key())).isEmpty();

        Mechanism.Result after = ex.act(id, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "after the end")).result();
        assertThat(after).isInstanceOfSatisfying(Mechanism.Refused.class, f -> {
            assertThat(f.reason()).isEqualTo(RefusalReason.CONFLICT);
            assertThat(f.message()).contains("closed");
        });
        assertThatThrownBy(() -> ex.closeExercise(id, "again")).isInstanceOfSatisfying(BadInput.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> ex.issue(id, "observer", false)).isInstanceOfSatisfying(BadInput.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(ex.revoke(id, "observer").revoked()).as("revoking stays possible").isEqualTo(1);
        clock.advance(Duration.ofDays(30));
        int passed = ex.tick();
        if (aloneInTheDatabase) {
            assertThat(passed).as("no deadline passes in a closed exercise").isZero();
        }
        // On the shared PostgreSQL database the tick also records the passed deadlines of other tests' exercises
        // (found by their next_deadline column), so there this exercise's journal and procedure below are the check.
        assertThat(ex.state(id).procedure(1).orElseThrow().status()).isEqualTo(Procedure.Status.NO_RESPONSE);
        assertThat(ex.journal(id)).hasSize(4);
        assertThat(ex.summaries()).filteredOn(s -> s.id().equals(id)).singleElement().satisfies(s -> {
            assertThat(s.entries()).isEqualTo(4);
            assertThat(s.closedAt()).contains(last.atExercise());
        });
        return id;
    }

    void reopened(Exercises ex, String id) {
        Exercises.Replay r = ex.replay(id);
        assertThat(r.problems()).isEmpty();
        assertThat(r.state().closed()).isPresent();
        assertThat(ex.act(id, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "after a restart")).result())
                .isInstanceOf(Mechanism.Refused.class);
        assertThat(ex.journal(id)).hasSize(4);
    }
}
