package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.ProcedureRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up under an H2 database while delegations act (an H2 file system that fails every
 * write on demand, {@link FullDisk}): no action is acknowledged unless it is in the journal, the
 * store says it is unavailable, and once there is room again it answers by itself, with every
 * acknowledged action still there after a restart and the exercise's memory equal to its journal.
 */
class StoreFaultTest {

    @TempDir
    Path dir;

    @AfterEach
    void roomAgain() {
        FullDisk.FULL.set(false);
    }

    @Test
    void aFullDiskLosesNoAcknowledgedActionAndTheStoreRecoversWithoutARestart() throws Exception {
        FullDisk.register();
        Database.Settings settings = Database.Settings.defaults().withKeyFile(dir.resolve("key"));
        String url = "jdbc:h2:full:" + dir.resolve("eurosec");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String id;
        try (Database db = Database.open(url, settings)) {
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, Clock.systemUTC());
            Exercises.Created c = ex.create("est-2009", ExercisesTest.DAY, "real", 1, ProcedureRules.Settings.defaults());
            id = c.id();
            List<String> parties = c.state().rules().parties();
            assertThat(ex.health()).isEmpty();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                int worker = w;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        if (worker == 0 && i == 10) {
                            FullDisk.FULL.set(true); // the disk fills up in the middle of the load
                        }
                        String subject = "w" + worker + "-" + i;
                        try {
                            Exercises.Outcome o = ex.act(id, new Actor.Delegation(parties.get(worker)),
                                    new Action.RequestInformation(parties.get(worker + 1), subject));
                            if (o.result() instanceof Mechanism.Accepted) {
                                acknowledged.add(subject);
                            }
                        } catch (StoreUnavailable e) {
                            // not acknowledged: it may or may not be in the journal
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            assertThat(FullDisk.FULL.get()).isTrue();
            assertThat(acknowledged).as("some actions went through before the disk filled").isNotEmpty();
            assertThatThrownBy(() -> ex.act(id, new Actor.Delegation("GEO"), new Action.RequestInformation("RUS", "while full")))
                    .isInstanceOf(StoreUnavailable.class).hasMessageContaining("No space left");
            assertThat(ex.health()).get().asString().contains("No space left");

            FullDisk.FULL.set(false); // room again: no restart
            assertThat(ex.health()).isEmpty();
            Exercises.Outcome after = ex.act(id, new Actor.Delegation("GEO"), new Action.RequestInformation("RUS", "after"));
            assertThat(after.result()).isInstanceOf(Mechanism.Accepted.class);
            acknowledged.add("after");
            List<Journal.Entry> journal = ex.journal(id);
            assertThat(subjects(journal)).containsAll(acknowledged);
            assertThat(Journal.verify(journal)).isEmpty();
            assertThat(Journal.verifySignatures(journal, db.key())).isEmpty();
            // What the running service holds is what its journal replays to.
            assertThat(ex.state(id)).isEqualTo(ex.replay(id).state());
            assertThat(ex.state(id).procedures()).hasSize(journal.size() - 1);
            ex.close();
        }
        try (Database again = Database.open("jdbc:h2:file:" + dir.resolve("eurosec"), settings)) { // a restart, on the plain disk
            Exercises ex = new Exercises(again, ExercisesTest.BASE, ExercisesTest.REGIMES, Clock.systemUTC());
            List<Journal.Entry> journal = ex.journal(id);
            assertThat(subjects(journal)).containsAll(acknowledged);
            Exercises.Replay r = ex.replay(id);
            assertThat(r.problems()).isEmpty();
            assertThat(Journal.verifySignatures(journal, again.key())).isEmpty();
        }
    }

    static Set<String> subjects(List<Journal.Entry> journal) throws Exception {
        Set<String> out = new java.util.HashSet<>();
        for (Journal.Entry e : journal) {
            if (e.kind().equals("request-information")) {
                out.add(ActionCodec.JSON.readTree(e.body()).get("subject").asText());
            }
        }
        return out;
    }
}
