package org.eurosec.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eurosec.engine.Reading;
import org.eurosec.engine.RegimeApplication;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.ExerciseState;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;

/**
 * Exercises kept in a {@link Database}: created with a credential per delegation, one for the
 * depositary and one for observers (only their hashes stored); every accepted action appended to
 * the hash-chained journal in the same transaction that makes it durable, and only then applied in
 * memory. Every action is decided by the journal writer inside the transaction that commits it, with
 * the exercise locked in the database and brought up to date from the entries other processes
 * committed: so parallel delegations get exactly one outcome each, through one server or several on
 * the same PostgreSQL database (see {@link GroupCommit}).
 * Every entry is signed with the database's {@link JournalKey}; an action may carry an
 * Idempotency-Key, kept with its entry, so that a retry gets the first answer and journals nothing.
 * When the store fails a write or a read, the exercise's state in memory is dropped and read again
 * from the journal on the next call, so memory never holds what the database does not.
 */
public final class Exercises {

    private final Database db;
    private final Architecture base;
    private final Map<String, Regime> regimes;
    private final Clock real;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Credentials credentials;
    private final GroupCommit writer;
    private final JournalKey key;
    /** Signs each batch's entries on a few threads at once (the writer's and helpers). */
    private final EntrySigner signer;

    public Exercises(Database db, Architecture base, Map<String, Regime> regimes, Clock real) {
        this.db = db;
        this.base = base;
        this.regimes = regimes;
        this.real = real;
        this.key = db.key();
        this.signer = new EntrySigner(key, EntrySigner.defaultThreads());
        this.writer = new GroupCommit(db, new Writer(), GroupCommit.writersFor(db));
        this.credentials = new Credentials(db, real);
    }

    /** The key that signs this store's journal entries (its public part is served to delegations). */
    public JournalKey key() {
        return key;
    }

    /** Stops the journal writer after it has written what it holds, and the snapshot writer. */
    public void close() {
        writer.close();
        signer.close();
        snapshots.shutdown();
        try {
            snapshots.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Exercises.class);

    /**
     * An exercise in memory: its state, clock and the end of its journal chain. The journal writer
     * decides on {@link #state} (with {@link #seq} and {@link #hash}), which may hold a batch that is
     * not committed yet; readers are shown {@link #visible}, the state of what is committed, which the
     * writer sets once its batch is (and which a failed batch never reaches: the exercise is then
     * dropped and read again from the journal).
     */
    static final class Live {
        final ReentrantLock lock = new ReentrantLock();
        volatile ExerciseState state;
        /** The state readers see: every entry in it is committed. */
        volatile ExerciseState visible;
        ExerciseClock clock;
        long seq;
        String hash;
        /** The entry the last snapshot was taken at (or the exercise rebuilt from). */
        long snapshotSeq;
        /** The snapshot's entry this state was rebuilt from, 0 when from the whole journal. */
        long rebuiltFrom;
        /**
         * Set when this copy must not be used any more, and the exercise is read again from the database:
         * a write of it failed (the state may hold what the journal does not), or it was let out of
         * memory ({@link #evictIdle}).
         */
        volatile boolean broken;
        /** When the exercise was last asked for ({@link System#nanoTime}): the least recently used idle ones leave memory first. */
        volatile long lastUsed = System.nanoTime();
        /**
         * The next deadline (real time, ms) this server knows the database holds for the exercise:
         * {@link #NO_DEADLINE} for none, {@link #DEADLINE_UNKNOWN} after a rebuild or another server's
         * entries, when the next batch writes it whatever it is. Read and written by the writer only.
         */
        long storedDeadline = DEADLINE_UNKNOWN;
    }

    static final long DEADLINE_UNKNOWN = Long.MIN_VALUE;
    static final long NO_DEADLINE = Long.MAX_VALUE;

    /** An exercise let out of memory with a deadline still to pass: its clock, and when (in exercise time) the first passes. */
    private record Dormant(ExerciseClock clock, Instant next) {
    }

    /** An answer to an action as the API sends it: status and body; {@code repeated} when it is the first answer to a retried key. */
    public record Answer(int status, String body, boolean repeated) {
    }

    public record Created(String id, ExerciseState state, Map<String, String> tokens, ExerciseClock clock, Receipt receipt) {
    }

    /** Who a credential belongs to. */
    public record Who(String exercise, Actor actor) {
    }

    /** The outcome of an action: the mechanism's result and, when accepted, the journal entry. */
    public record Outcome(Mechanism.Result result, Optional<Journal.Entry> entry, Instant at) {
    }

    /**
     * The exercises in memory hold as many journal entries as the heap allows: an action is not taken,
     * or an exercise out of memory is not read back into it, until some leave memory. Nothing is lost:
     * what was refused was never recorded, and an exercise not read back stays whole in the database.
     */
    public static final class MemoryFull extends StoreUnavailable {
        MemoryFull(String message) {
            super(message, null);
        }
    }

    /** The database did not take an entry: nothing was acknowledged; the exercise reloads from what was committed. */
    public static final class JournalUnavailable extends StoreUnavailable {
        JournalUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // ------------------------------------------------------------------ creating

    public Created create(String regimeId, LocalDate day, String clockMode, long factor, ProcedureRules.Settings settings) {
        return create(regimeId, Optional.empty(), day, clockMode, factor, settings);
    }

    /** A new exercise under {@code regimeId}, run by {@code instrument}'s mechanisms (default: the regime's own). */
    public Created create(String regimeId, Optional<String> instrument, LocalDate day, String clockMode, long factor, ProcedureRules.Settings settings) {
        return create(regimeId, instrument, day, clockMode, factor, settings, Map.of());
    }

    /**
     * As {@link #create(String, Optional, LocalDate, String, long, ProcedureRules.Settings)}, under a reading of the law:
     * {@code interpretations} (id → option) switch the regime's or the data's named interpretations, as {@code -I}
     * does for every analysis, so that the exercise counts quorums and parties as a scenario run under the same
     * reading does. An unknown interpretation or option is refused.
     */
    public Created create(String regimeId, Optional<String> instrument, LocalDate day, String clockMode, long factor, ProcedureRules.Settings settings,
            Map<String, String> interpretations) {
        Regime regime = regimes.get(regimeId);
        if (regime == null) {
            throw new BadInput("regime", "unknown regime '" + regimeId + "' (known: " + String.join(", ", regimes.keySet()) + ")");
        }
        if (!base.covers(day)) {
            throw new BadInput("day", day + " is outside what the data covers (" + base.coversFrom() + " to " + base.factsCheckedThrough() + ")");
        }
        ProcedureRules rules = rules(regime, day, settings, instrument, interpretations);
        List<ProcedureRules.Refusal> refused = rules.refusals();
        if (!refused.isEmpty()) {
            // Every problem at once, under the first one's field: a user fixes them in one go.
            throw new BadInput(422, refused.get(0).field(), String.join("; ", refused.stream()
                    .map(r -> (r == refused.get(0) ? "" : r.field() + ": ") + r.message()).toList()));
        }
        Instant realNow = real.instant();
        ExerciseClock clock = new ExerciseClock(clockMode, "real".equals(clockMode) ? 1 : factor, realNow, day.atTime(9, 0).toInstant(ZoneOffset.UTC));
        String id = "ex-" + token(6).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        List<String> actors = new ArrayList<>();
        rules.parties().forEach(p -> actors.add(new Actor.Delegation(p).id()));
        actors.add(new Actor.Depositary().id());
        actors.add(new Actor.Observer().id());
        Map<String, String> tokens = new LinkedHashMap<>();
        ObjectNode body = ActionCodec.JSON.createObjectNode();
        body.put("regime", regimeId);
        body.put("instrument", rules.instrument());
        body.put("day", day.toString());
        if (!interpretations.isEmpty()) {
            ObjectNode in = body.putObject("interpretations");
            interpretations.forEach(in::put);
        }
        ObjectNode c = body.putObject("clock");
        c.put("mode", clock.mode()).put("factor", clock.factor()).put("origin_real", clock.originReal().toString())
                .put("origin_exercise", clock.originExercise().toString());
        ObjectNode st = body.putObject("settings");
        st.put("reply_within", settings.replyWithin().toString()).put("hold_within", settings.holdWithin().toString())
                .put("support_window", settings.supportWindow().toString()).put("voting_window", settings.votingWindow().toString());
        body.set("rules", ActionCodec.JSON.valueToTree(rules.describe()));
        body.put("journal_key", key.id());
        try (Connection conn = db.connection()) {
            conn.setAutoCommit(false);
            try {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO exercise (id, regime, created_at) VALUES (?,?,?)")) {
                    ps.setString(1, id);
                    ps.setString(2, regimeId);
                    ps.setString(3, realNow.toString());
                    ps.executeUpdate();
                }
                for (String a : actors) {
                    tokens.put(a, credentials.issue(conn, id, a));
                }
                Journal.Entry e = Journal.append(conn, id, 0, Journal.GENESIS, clock.originExercise().toString(), realNow.toString(), "depositary",
                        "exercise-created", body.toString(), key);
                conn.commit();
                conn.setAutoCommit(true);
                db.sync(conn);
                Live l = new Live();
                l.state = ExerciseState.start(id, regimeId, rules, clock.originExercise());
                l.visible = l.state;
                l.clock = clock;
                l.seq = e.seq();
                l.hash = e.hash();
                live.put(id, l);
                return new Created(id, l.state, tokens, clock, Receipt.of(e));
            } catch (SQLException ex) {
                conn.rollback();
                throw ex;
            }
        } catch (SQLException ex) {
            db.reset();
            throw StoreUnavailable.of("the database did not take the new exercise", ex);
        }
    }

    private ProcedureRules rules(Regime regime, LocalDate day, ProcedureRules.Settings settings, Optional<String> instrument,
            Map<String, String> interpretations) {
        Architecture world = RegimeApplication.apply(base, regime, false);
        Reading reading = Reading.defaults(world);
        for (Map.Entry<String, String> c : interpretations.entrySet()) {
            try {
                reading = reading.with(c.getKey(), c.getValue());
            } catch (IllegalArgumentException e) {
                throw new BadInput("interpretation", e.getMessage());
            }
        }
        try {
            return ProcedureRules.of(world, reading, regime, day, settings, instrument);
        } catch (IllegalArgumentException e) {
            throw new BadInput("regime", e.getMessage());
        }
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    // ------------------------------------------------------------------ reading

    /** The exercise and actor of a credential that is this database's and not revoked. */
    public Optional<Who> authenticate(String token) {
        return credentials.authenticate(token);
    }

    /** For tests: the credentials' checks. */
    Credentials credentials() {
        return credentials;
    }

    public List<String> ids() {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT id FROM exercise ORDER BY created_at, id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw StoreUnavailable.of("the database does not answer", e);
        }
        return out;
    }

    /**
     * Entries read per statement by {@link #journal(String)}: every statement is held to the database
     * timeout, and one read of a whole long journal was not (on H2, 190,000 entries of a 2.4 GB file
     * took longer than the default 5 s, so `journal verify` failed with "Statement was canceled").
     */
    static final int JOURNAL_PAGE = 10_000;

    /** An exercise's whole journal, in order, read a page at a time (a 404 for an unknown exercise). */
    public List<Journal.Entry> journal(String exercise) {
        List<Journal.Entry> entries = new ArrayList<>();
        forEachPage(exercise, entries::addAll);
        return entries;
    }

    /**
     * Hands an exercise's whole journal to {@code each}, in order, {@link #JOURNAL_PAGE} entries at a
     * time, each page read by a statement of its own (a 404 for an unknown exercise).
     */
    private void forEachPage(String exercise, java.util.function.Consumer<List<Journal.Entry>> each) {
        try (Connection c = db.connection()) {
            for (long after = 0; ; ) {
                List<Journal.Entry> page = Journal.read(c, exercise, after, JOURNAL_PAGE);
                if (page.isEmpty()) {
                    if (after == 0) {
                        throw new BadInput(404, "exercise", "no exercise '" + exercise + "'");
                    }
                    return;
                }
                each.accept(page);
                if (page.size() < JOURNAL_PAGE) {
                    return;
                }
                after = page.get(page.size() - 1).seq();
            }
        } catch (SQLException e) {
            throw StoreUnavailable.of("the journal cannot be read", e);
        }
    }

    /**
     * What {@link #verifyJournal} found: how many entries, the last one (its number and hash, whether
     * it is signed), every problem, and the hashes of the entries it was asked to keep.
     */
    public record JournalCheck(long entries, long lastSeq, String lastHash, boolean lastSigned, List<String> problems, Map<Long, String> kept) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks an exercise's whole journal, its chain and its entries' signatures against {@code key},
     * with the same findings as {@link Journal#verify(List)} and {@link Journal#verifySignatures(List,
     * JournalKey)} on the whole journal, but reading it {@link #JOURNAL_PAGE} entries at a time and
     * holding one page at most: a whole journal of some 500,000 entries holds about half a gigabyte
     * of heap, which a server's verify route would otherwise have taken from the exercises it serves
     * (and an OutOfMemoryError inside an H2 commit has corrupted the database file). A 404 for an
     * unknown exercise.
     */
    public JournalCheck verifyJournal(String exercise, JournalKey key) {
        return verifyJournal(exercise, key, java.util.Set.of());
    }

    /** As {@link #verifyJournal(String, JournalKey)}, keeping the hashes of the entries numbered in {@code keep} (a receipt's, say) in {@code kept}. */
    public JournalCheck verifyJournal(String exercise, JournalKey key, java.util.Set<Long> keep) {
        List<String> problems = new ArrayList<>();
        Map<Long, String> kept = new java.util.HashMap<>();
        long[] count = {0};
        Journal.Entry[] last = {null};
        boolean[] signedSeen = {false};
        forEachPage(exercise, page -> {
            Journal.Entry before = last[0];
            if (before == null) {
                signedSeen[0] = Journal.createdWithKey(page.get(0));
            }
            problems.addAll(before == null ? Journal.verify(page) : Journal.verify(page, before.seq(), before.hash()));
            problems.addAll(Journal.verifySignatures(page, key, signedSeen[0]));
            for (Journal.Entry e : page) {
                signedSeen[0] |= e.signed();
                if (keep.contains(e.seq())) {
                    kept.put(e.seq(), e.hash());
                }
            }
            count[0] += page.size();
            last[0] = page.get(page.size() - 1);
        });
        Journal.Entry end = last[0];
        return new JournalCheck(count[0], end.seq(), end.hash(), end.signed(), problems, kept);
    }

    /** At most {@code limit} journal entries after number {@code after}, in order (a 404 for an unknown exercise). */
    public List<Journal.Entry> journal(String exercise, long after, int limit) {
        try (Connection c = db.connection()) {
            List<Journal.Entry> entries = Journal.read(c, exercise, after, limit);
            if (entries.isEmpty() && !exists(c, exercise)) {
                throw new BadInput(404, "exercise", "no exercise '" + exercise + "'");
            }
            return entries;
        } catch (SQLException e) {
            throw StoreUnavailable.of("the journal cannot be read", e);
        }
    }

    private static boolean exists(Connection c, String exercise) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM exercise WHERE id = ?")) {
            ps.setString(1, exercise);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    /** How far an exercise's journal has been checked: its last checked entry, and whether the journal is signed so far. */
    private static final class Verified {
        long seq;
        String hash = Journal.GENESIS;
        boolean signed;
        Journal.Entry last;
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /**
     * The journal's last entry as a signed receipt, once the journal is checked: an intact chain,
     * every signature this key's. Only the entries written since the last call are read and checked
     * (they must continue the chain checked before), so a call costs what was added, not the
     * journal's length; the first call checks it all. A journal that fails the check is a
     * {@link StoreUnavailable} naming its first problem (the server will not vouch for it); the whole
     * journal, checked anew, is {@code journal verify}'s and {@code GET .../journal/verify}'s.
     */
    public Receipt head(String exercise) {
        load(exercise);
        Verified v = verified.computeIfAbsent(exercise, k -> new Verified());
        synchronized (v) {
            while (true) {
                // From the last entry checked: it must still be there, unchanged (a journal cut short or rewritten under it is caught).
                List<Journal.Entry> entries = new ArrayList<>(journal(exercise, Math.max(0, v.seq - 1), 1001));
                if (v.seq > 0) {
                    Journal.Entry again = entries.isEmpty() ? null : entries.remove(0);
                    if (again == null || again.seq() != v.seq || !again.hash().equals(v.hash)) {
                        throw new StoreUnavailable("the journal of " + exercise + " is not intact: entry " + v.seq
                                + ", checked before, is missing or changed; its head is not signed", null);
                    }
                }
                if (entries.isEmpty()) {
                    break;
                }
                if (v.seq == 0) {
                    v.signed = Journal.createdWithKey(entries.get(0));
                }
                List<String> problems = new ArrayList<>(Journal.verify(entries, v.seq, v.hash));
                problems.addAll(Journal.verifySignatures(entries, key, v.signed));
                if (!problems.isEmpty()) {
                    throw new StoreUnavailable("the journal of " + exercise + " is not intact (" + problems.size() + " problem(s), first: "
                            + problems.get(0) + "); its head is not signed", null);
                }
                for (Journal.Entry e : entries) {
                    v.signed |= e.signed();
                }
                Journal.Entry last = entries.get(entries.size() - 1);
                v.seq = last.seq();
                v.hash = last.hash();
                v.last = last;
            }
            Journal.Entry last = v.last;
            return last.signed() ? Receipt.of(last) : Receipt.of(last.signedBy(key));
        }
    }

    /**
     * What the journal writer committed since this server started: its transactions (one per
     * batch), the journal entries they wrote (accepted actions and the deadlines journaled with
     * them) and the jobs they answered (actions accepted or refused, closings, clock ticks). Jobs
     * per commit is the group commit's batch size.
     */
    public record WriterCounts(long commits, long entries, long jobs) {
    }

    public WriterCounts writerCounts() {
        GroupCommit.Counts c = writer.counts();
        return new WriterCounts(c.commits(), c.entries(), c.jobs());
    }

    /**
     * Whether the store answers and takes writes: empty when it does, else why not. After a failed
     * journal write it tries a write of its own (and so notices when the disk has room or the
     * database is back); otherwise a read.
     */
    public Optional<String> health() {
        Optional<String> failing = writer.failure();
        try (Connection c = db.connection()) {
            if (failing.isPresent()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("UPDATE store_health SET checked_at = ? WHERE id = 1")) {
                    ps.setString(1, real.instant().toString());
                    ps.executeUpdate();
                }
                c.commit();
                c.setAutoCommit(true);
                db.sync(c);
                writer.recovered();
            } else {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM store_health"); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            db.reset();
            String m = StoreUnavailable.reason(e);
            return Optional.of(failing.isPresent() ? "the journal cannot be written: " + failing.get() + " (and still: " + m + ")"
                    : "the database does not answer: " + m);
        }
    }

    /**
     * The exercise's state now, with what other processes have journaled since (recording any
     * deadline that has passed first).
     */
    public ExerciseState state(String exercise) {
        Live l = current(exercise);
        if (!Mechanism.due(l.visible, l.clock.now(real.instant())).isEmpty()) {
            run(new TickJob(exercise));
            l = load(exercise);
        }
        return l.visible;
    }

    public Instant now(String exercise) {
        return load(exercise).clock.now(real.instant());
    }

    public ExerciseClock clock(String exercise) {
        return load(exercise).clock;
    }

    /** The result of replaying a journal from its first entry. */
    public record Replay(ExerciseState state, ExerciseClock clock, long entries, String lastHash, List<String> problems) {
    }

    /** What an exercise was created with, read from its first entry: the regime, its rules and the clock (each null when unreadable). */
    private record Origin(Regime regime, ProcedureRules rules, ExerciseClock clock) {
    }

    /** Reads the first entry; a problem is added for what cannot be read or differs from what this build reads. */
    private Origin origin(Journal.Entry first, List<String> problems) {
        if (!first.kind().equals("exercise-created")) {
            problems.add("entry " + first.seq() + ": the first entry is not the exercise's creation");
            return new Origin(null, null, null);
        }
        JsonNode b;
        try {
            b = ActionCodec.JSON.readTree(first.body());
        } catch (Exception e) {
            problems.add("entry 1: unreadable: " + e.getMessage());
            return new Origin(null, null, null);
        }
        JsonNode c = b.get("clock");
        JsonNode st = b.get("settings");
        ExerciseClock clock = new ExerciseClock(c.get("mode").asText(), c.get("factor").asLong(), Instant.parse(c.get("origin_real").asText()),
                Instant.parse(c.get("origin_exercise").asText()));
        ProcedureRules.Settings settings = new ProcedureRules.Settings(Period.parse(st.get("reply_within").asText()),
                Period.parse(st.get("hold_within").asText()), Period.parse(st.get("support_window").asText()), Period.parse(st.get("voting_window").asText()));
        Regime regime = regimes.get(b.get("regime").asText());
        if (regime == null) {
            problems.add("entry 1: regime '" + b.get("regime").asText() + "' is not known to this build");
            return new Origin(null, null, clock);
        }
        Map<String, String> interpretations = new LinkedHashMap<>();
        if (b.has("interpretations")) {
            b.get("interpretations").fields().forEachRemaining(f -> interpretations.put(f.getKey(), f.getValue().asText()));
        }
        ProcedureRules rules;
        try {
            rules = rules(regime, LocalDate.parse(b.get("day").asText()), settings, Optional.of(b.get("instrument").asText()), interpretations);
        } catch (BadInput e) {
            problems.add("entry 1: " + e.getMessage());
            return new Origin(regime, null, clock);
        }
        JsonNode now;
        try {
            now = ActionCodec.JSON.readTree(ActionCodec.JSON.writeValueAsString(rules.describe()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (!now.equals(b.get("rules"))) {
            problems.add("entry 1: the rules this build reads from regime " + regime.id() + " differ from those the exercise was created with");
        }
        return new Origin(regime, rules, clock);
    }

    /** The state after entry {@code e}, through the rules; a refusal or an unreadable entry is a problem (and the state stays). */
    private static ExerciseState next(ExerciseState s, Journal.Entry e, List<String> problems) {
        try {
            Mechanism.Result res;
            if (e.kind().equals(CLOSED)) {
                res = e.actor().equals(ADMIN) ? Mechanism.close(s, Instant.parse(e.atExercise()))
                        : new Mechanism.Refused(org.eurosec.mechanism.RefusalReason.FORBIDDEN, "actor", "only the administrator closes an exercise");
            } else {
                Action a = ActionCodec.read(ActionCodec.JSON.readTree(e.body()));
                res = Mechanism.apply(s, Actor.parse(e.actor()), a, Instant.parse(e.atExercise()));
            }
            if (res instanceof Mechanism.Accepted acc) {
                return acc.state();
            }
            problems.add("entry " + e.seq() + ": the rules refuse it on replay: " + ((Mechanism.Refused) res).message());
        } catch (Exception ex) {
            problems.add("entry " + e.seq() + ": unreadable: " + ex.getMessage());
        }
        return s;
    }

    /** Rebuilds an exercise from its journal alone; any entry the rules refuse, or a broken chain, is a problem. */
    public Replay replay(String exercise) {
        List<Journal.Entry> page = journal(exercise, 0, replayPage);
        if (page.isEmpty()) {
            throw new BadInput(404, "exercise", "no exercise '" + exercise + "'");
        }
        List<String> problems = new ArrayList<>(Journal.verify(page));
        Journal.Entry first = page.get(0);
        Origin o = origin(first, problems);
        ExerciseState s = o.rules() == null ? null : ExerciseState.start(exercise, o.regime().id(), o.rules(), o.clock().originExercise());
        long count = 0;
        Journal.Entry last = first;
        // A page of entries at a time, the chain checked across pages: the whole journal is never held at once
        // (a journal of 322,134 entries did not fit a 256 MiB heap that way, where its read-back from a snapshot did).
        while (true) {
            for (Journal.Entry e : page) {
                if (s != null && e != first) {
                    s = next(s, e, problems);
                }
                last = e;
            }
            count += page.size();
            if (page.size() < replayPage) {
                break;
            }
            page = journal(exercise, last.seq(), replayPage);
            problems.addAll(Journal.verify(page, last.seq(), last.hash()));
            if (page.isEmpty()) {
                break;
            }
        }
        return new Replay(s, o.clock(), count, s == null ? first.hash() : last.hash(), problems);
    }

    /** How many journal entries {@link #replay} reads at a time. */
    private volatile int replayPage = 5_000;

    /** For tests: sets {@link #replayPage}. */
    Exercises replayPage(int entries) {
        replayPage = entries;
        return this;
    }

    // ------------------------------------------------------------------ rebuilding and snapshots

    /**
     * The longest snapshot state kept, in characters (its gzipped JSON in Base64): some 700,000
     * procedures at the 27 characters each that 29,000 procedures took. A longer one is not kept,
     * which costs only speed (a rebuild replays more of the journal).
     */
    static final int MAX_SNAPSHOT_CHARS = 20_000_000;

    /** A snapshot is taken after this many journal entries since the last (see {@link #snapshotEvery(int)}). */
    public static final int SNAPSHOT_EVERY = 1000;

    /**
     * ... or after this share of the journal (one tenth) when that is more entries. A snapshot costs
     * time in proportion to the exercise's size (its state is written out whole), so at a fixed
     * interval the cost per action grew with the exercise: an exercise of 60,000 entries wrote some
     * 1.6 million characters every 1,000 actions. With the interval a tenth of the journal the cost per
     * action stays bounded, and a rebuild, which decodes a state of the exercise's size anyway, replays
     * at most a tenth of the journal after it.
     */
    public static final int SNAPSHOT_TAIL_SHARE = 10;

    private volatile int snapshotEvery = SNAPSHOT_EVERY;
    /** One gate per exercise: a rebuild holds its own exercise's, never another's. */
    private final Map<String, SharedAttempt> rebuilding = new ConcurrentHashMap<>();
    /** For tests: called with the exercise's id as its rebuild begins. */
    volatile java.util.function.Consumer<String> beforeRebuild = x -> {
    };
    private final java.util.concurrent.ExecutorService snapshots = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eurosec-snapshots");
        t.setDaemon(true);
        return t;
    });

    /** Takes a snapshot every {@code n} journal entries (1 to 1,000,000), or every tenth of the journal when that is more ({@link #SNAPSHOT_TAIL_SHARE}). */
    public Exercises snapshotEvery(int n) {
        if (n < 1 || n > 1_000_000) {
            throw new BadInput(400, "snapshot-every", "a snapshot is taken every 1 to 1000000 entries, not " + n);
        }
        snapshotEvery = n;
        return this;
    }

    /** A state to snapshot: the exercise's entry {@code seq} (hash {@code hash}) and the state right after it. */
    private record Due(long seq, String hash, ExerciseState state) {
    }

    private Live load(String exercise) {
        Live l = live.get(exercise);
        if (l != null && !l.broken) {
            l.lastUsed = System.nanoTime();
            return l;
        }
        // One rebuild of an exercise at a time; the others wait for it at most the store's timeout, and share its failure.
        return rebuilding.computeIfAbsent(exercise, k -> new SharedAttempt()).run(db.settings().timeout().toMillis(),
                "reading exercise " + exercise + " from the database", () -> {
                    Live again = live.get(exercise);
                    if (again != null && !again.broken) {
                        return again;
                    }
                    long room = reserve(exercise);
                    try {
                        Live built = rebuild(exercise);
                        live.put(exercise, built);
                        dormant.remove(exercise); // in memory again: tick() sees its deadlines
                        return built;
                    } finally {
                        reading.addAndGet(-room);
                    }
                });
    }

    /** Journal entries of the exercises being read into memory now, as {@link #reserve} estimated them. */
    private final java.util.concurrent.atomic.AtomicLong reading = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Room in memory for an exercise about to be read into it, counted against the hard limit
     * ({@link #defaultMemoryLimit}) with what is held and what other requests are reading now; a
     * {@link MemoryFull} when there is none. Reading an exercise back holds its whole state, so a
     * read, not only an action, could run the heap out when memory is full, and an OutOfMemoryError
     * in an H2 commit has corrupted the database file. Returns the entries reserved, to be released
     * once the exercise is read (it is then counted among those held).
     */
    private long reserve(String exercise) {
        long size = estimatedEntries(exercise);
        synchronized (reading) {
            long held = memory().entries() + reading.get();
            if (memoryFull || held + size > memoryLimit) {
                throw new MemoryFull("the server's memory is full: the exercises it holds have " + held + " journal entries, and exercise "
                        + exercise + " (some " + size + " more) would pass the " + memoryLimit + " its heap allows, so it is not read into memory"
                        + (size > memoryLimit ? " (it alone is larger: give the JVM a larger heap, java -Xmx or, through the launcher, EUROSEC_JAVA_OPTS=-Xmx2g)"
                                : " until other exercises leave it; try again shortly"));
            }
            reading.addAndGet(size);
        }
        return size;
    }

    /**
     * How many journal entries an exercise out of memory has, for {@link #reserve}: its latest
     * snapshot's entry and the entries after it, counted (they are what a rebuild replays, at most a
     * tenth of the journal or {@link #snapshotEvery} entries). Not the journal's last entry: H2 finds
     * that by reading all of the exercise's entries.
     */
    long estimatedEntries(String exercise) {
        try (Connection c = db.connection(); PreparedStatement snap = c.prepareStatement(
                "SELECT seq FROM snapshot WHERE exercise_id = ? ORDER BY seq DESC");
                PreparedStatement tail = c.prepareStatement("SELECT COUNT(*) FROM journal WHERE exercise_id = ? AND seq > ?")) {
            snap.setString(1, exercise);
            snap.setMaxRows(1);
            long at;
            try (ResultSet rs = snap.executeQuery()) {
                at = rs.next() ? rs.getLong(1) : 0;
            }
            tail.setString(1, exercise);
            tail.setLong(2, at);
            try (ResultSet rs = tail.executeQuery()) {
                rs.next();
                return at + rs.getLong(1);
            }
        } catch (SQLException e) {
            throw StoreUnavailable.of("the database does not answer", e);
        }
    }

    /**
     * The exercise in memory again: from its latest snapshot and the journal after it when there is a
     * snapshot that checks out (signed by this store's key, and its entry still in the journal with the
     * same hash, every later entry continuing the chain), else from the whole journal.
     */
    private Live rebuild(String exercise) {
        beforeRebuild.accept(exercise);
        Optional<Live> fast = fromSnapshot(exercise);
        if (fast.isPresent()) {
            return fast.get();
        }
        Replay r = replay(exercise);
        if (!r.problems().isEmpty()) {
            throw new StoreUnavailable("exercise " + exercise + " does not replay from its journal: " + String.join("; ", r.problems()), null);
        }
        Live l = new Live();
        l.state = r.state();
        l.visible = l.state;
        l.clock = r.clock();
        l.seq = r.entries();
        l.hash = r.lastHash();
        l.snapshotSeq = 0;
        return l;
    }

    /** What the latest snapshot of an exercise says. */
    record Snapshot(long seq, String hash, String state, String keyId, String signature) {
    }

    Optional<Snapshot> latestSnapshot(String exercise) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT seq, hash, state, key_id, signature FROM snapshot WHERE exercise_id = ? ORDER BY seq DESC")) {
            ps.setString(1, exercise);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Snapshot(rs.getLong(1), rs.getString(2).trim(), rs.getString(3), rs.getString(4), rs.getString(5)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreUnavailable.of("the database does not answer", e);
        }
    }

    /** What a snapshot's signature covers: the entry's hash and the state, under the exercise's id and the entry's number. */
    private static String digest(String hash, String state) {
        return Journal.sha256("eurosec-snapshot-v1\n" + hash + "\n", state);
    }

    private Optional<Live> fromSnapshot(String exercise) {
        Optional<Snapshot> found = latestSnapshot(exercise);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Snapshot snap = found.get();
        List<String> problems = new ArrayList<>();
        if (!key.id().equals(snap.keyId()) || !key.verify(exercise, snap.seq(), digest(snap.hash(), snap.state()), snap.signature())) {
            problems.add("its signature is not this store's key's");
        }
        List<Journal.Entry> firstOnly = journal(exercise, 0, 1);
        Origin o = origin(firstOnly.get(0), problems);
        List<Journal.Entry> tail = problems.isEmpty() ? journal(exercise, snap.seq() - 1, Integer.MAX_VALUE) : List.of();
        if (problems.isEmpty() && (tail.isEmpty() || tail.get(0).seq() != snap.seq() || !tail.get(0).hash().equals(snap.hash()))) {
            problems.add("its entry " + snap.seq() + " is not in the journal with the hash it names");
        }
        ExerciseState s = null;
        if (problems.isEmpty()) {
            tail = tail.subList(1, tail.size());
            problems.addAll(Journal.verify(tail, snap.seq(), snap.hash()));
            problems.addAll(Journal.verifySignatures(tail, key, true));
            try {
                s = StateCodec.read(snap.state(), exercise, o.regime().id(), o.rules());
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            // The whole journal decides then: a snapshot is a shortcut, never the record.
            LOG.warn("the snapshot of {} at entry {} is not used ({}); the exercise is replayed from its whole journal", exercise, snap.seq(),
                    String.join("; ", problems));
            return Optional.empty();
        }
        for (Journal.Entry e : tail) {
            s = next(s, e, problems);
        }
        if (!problems.isEmpty()) {
            LOG.warn("the journal of {} after its snapshot at entry {} does not replay ({}); replayed from its whole journal", exercise, snap.seq(),
                    String.join("; ", problems));
            return Optional.empty();
        }
        Live l = new Live();
        l.state = s;
        l.visible = s;
        l.clock = o.clock();
        l.seq = tail.isEmpty() ? snap.seq() : tail.get(tail.size() - 1).seq();
        l.hash = tail.isEmpty() ? snap.hash() : tail.get(tail.size() - 1).hash();
        l.snapshotSeq = snap.seq();
        l.rebuiltFrom = snap.seq();
        return Optional.of(l);
    }

    /** For tests: how many snapshots were found due (each then written in the background). */
    final java.util.concurrent.atomic.AtomicLong snapshotsDue = new java.util.concurrent.atomic.AtomicLong();

    /** Whether a snapshot is due after the entry just chained (the caller holds the lock): then what it must hold. */
    private Optional<Due> snapshotDue(Live l) {
        long since = l.seq - l.snapshotSeq;
        if (since < snapshotEvery || since * SNAPSHOT_TAIL_SHARE < l.seq) {
            return Optional.empty();
        }
        l.snapshotSeq = l.seq;
        snapshotsDue.incrementAndGet();
        return Optional.of(new Due(l.seq, l.hash, l.state));
    }

    /**
     * Each exercise's snapshot writer, which reuses what did not change since its last snapshot (see
     * {@link StateCodec.Incremental}); for the exercises snapshotted last, used by the snapshot thread only.
     */
    private final Map<String, StateCodec.Incremental> snapshotWriters = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StateCodec.Incremental> eldest) {
            return size() > 64;
        }
    };

    /**
     * Lets the exercise out of memory unless it is in use (its lock held), was asked for since
     * {@code lastUsed}, or has a batch not yet committed; one with a deadline still to pass leaves its
     * clock and that instant behind.
     */
    private boolean letGo(String exercise, Live l, long lastUsed) {
        if (!l.lock.tryLock()) {
            return false; // the writer or a reader has it now: not idle after all
        }
        try {
            if (l.broken || l.state != l.visible || l.lastUsed != lastUsed) {
                return false; // a batch of it is not committed yet, or it was asked for meanwhile
            }
            Mechanism.nextDeadline(l.state).ifPresent(at -> dormant.put(exercise, new Dormant(l.clock, at)));
            l.broken = true;
            live.remove(exercise, l);
            forgetSnapshotWriter(exercise);
            evicted.incrementAndGet();
            return true;
        } finally {
            l.lock.unlock();
        }
    }

    /**
     * Drops the exercise's snapshot writer, on the snapshot thread (after any snapshot of it already
     * queued): its last parts hold the procedures of the state they were written from, so an exercise
     * let out of memory would otherwise stay there through them.
     */
    private void forgetSnapshotWriter(String exercise) {
        try {
            snapshots.execute(() -> snapshotWriters.remove(exercise));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Stopping: the writers go with the store.
        }
    }

    /** For tests: whether the snapshot thread holds a writer for the exercise (waits for what is queued before). */
    boolean hasSnapshotWriter(String exercise) throws Exception {
        return snapshots.submit(() -> snapshotWriters.containsKey(exercise)).get();
    }

    /** For tests: the parts of snapshots compressed anew and those reused from the last snapshot, for an exercise. */
    long[] snapshotParts(String exercise) {
        snapshotsWritten();
        try {
            return snapshots.submit(() -> {
                StateCodec.Incremental w = snapshotWriters.get(exercise);
                return w == null ? new long[] {0, 0} : new long[] {w.compressed, w.reused};
            }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a snapshot in the background (off the journal writer's thread, from the immutable state
     * of its entry), once its entry is committed; the older ones of the exercise go. A failure costs only speed.
     */
    private void snapshot(String exercise, Due due) {
        snapshots.execute(() -> {
            String state = snapshotWriters.computeIfAbsent(exercise, k -> new StateCodec.Incremental()).write(due.state());
            if (state.length() > MAX_SNAPSHOT_CHARS) {
                LOG.warn("the snapshot of {} at entry {} would take {} characters, more than a snapshot may: none is kept", exercise, due.seq(), state.length());
                return;
            }
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO snapshot (exercise_id, seq, hash, state, key_id, signature) VALUES (?,?,?,?,?,?)");
                        PreparedStatement del = c.prepareStatement("DELETE FROM snapshot WHERE exercise_id = ? AND seq < ?")) {
                    ins.setString(1, exercise);
                    ins.setLong(2, due.seq());
                    ins.setString(3, due.hash());
                    ins.setString(4, state);
                    ins.setString(5, key.id());
                    ins.setString(6, key.sign(exercise, due.seq(), digest(due.hash(), state)));
                    ins.executeUpdate();
                    del.setString(1, exercise);
                    del.setLong(2, due.seq());
                    del.executeUpdate();
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("the snapshot of {} at entry {} was not written: {}", exercise, due.seq(), StoreUnavailable.reason(e));
            }
        });
    }

    /** For tests: the entry the exercise in memory was rebuilt from a snapshot at (0: from the whole journal, or created here). */
    long rebuiltFrom(String exercise) {
        Live l = load(exercise);
        l.lock.lock();
        try {
            return l.rebuiltFrom;
        } finally {
            l.lock.unlock();
        }
    }

    /**
     * For tests: holds the writer of {@code exercise} inside a batch of its own (with the exercise
     * locked) until the returned action is run, so that the work given meanwhile waits in its
     * queue and goes in the next batch, all together.
     */
    Runnable holdWriter(String exercise) {
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Job hold = new Job(exercise) {
            @Override
            void decide(Connection c, Live l, GroupCommit.Out out) {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        hold.owner = this;
        writer.submit(hold);
        try {
            if (!holding.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("the writer did not take the holding job");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return release::countDown;
    }

    /** For tests: runs {@code step} in the journal writer after each batch is decided and signed, before it commits; what it throws fails the batch. */
    void beforeCommit(Runnable step) {
        writer.beforeCommit = step;
    }

    /** For tests: the jobs waiting in the writers' queues. */
    int queued() {
        return writer.queued();
    }

    /** For tests: the journal entries signed by the signer's helper threads (not by a writer itself). */
    long signedByHelpers() {
        return signer.signedByHelpers();
    }

    /** Waits until the snapshots asked for so far are written (for tests and an orderly stop). */
    void snapshotsWritten() {
        try {
            snapshots.submit(() -> {
            }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ administering

    /** The journal kind of an exercise's closing, and the actor it names (the administrator is no party to the exercise). */
    public static final String CLOSED = "exercise-closed";
    public static final String ADMIN = "admin";

    /** The administrator's credential, made if there is none (or anew with {@code replace}); empty when one is kept. */
    public Optional<String> adminToken(boolean replace) {
        return credentials.adminToken(replace);
    }

    public boolean isAdmin(String token) {
        return credentials.isAdmin(token);
    }

    /** An exercise as the administrator lists it: entries counted in the journal; when it was closed (exercise time), if it was. */
    public record Summary(String id, String regime, String createdAt, long entries, Optional<String> closedAt) {
    }

    /**
     * Every exercise as the administrator lists it. Each one's last entry and closing are looked for
     * from its latest snapshot on (a closing is its exercise's last entry: nothing is taken after it),
     * so the statement reads at most the entries after each exercise's latest snapshot, not whole
     * journals: on H2, which finds an exercise's last entry by reading all of its entries, the listing
     * took 3.8 s over four exercises of 200,000 entries each, and a journal some times larger would
     * have passed the statement timeout. An exercise whose journal ends before its latest snapshot
     * (which only a journal cut short gives) is counted in its whole journal.
     */
    /** The listing's statement: each exercise, its last entry and its closing (parameter: the closing's kind), from its latest snapshot on. */
    static final String SUMMARIES = "SELECT e.id, e.regime, e.created_at,"
            + " (SELECT MAX(j.seq) FROM journal j WHERE j.exercise_id = e.id AND j.seq >= COALESCE(s.seq, 0)),"
            + " (SELECT MIN(j.at_exercise) FROM journal j WHERE j.exercise_id = e.id AND j.seq >= COALESCE(s.seq, 0) AND j.kind = ?)"
            + " FROM exercise e LEFT JOIN (SELECT exercise_id, MAX(seq) AS seq FROM snapshot GROUP BY exercise_id) s ON s.exercise_id = e.id"
            + " ORDER BY e.created_at, e.id";

    public List<Summary> summaries() {
        List<Summary> out = new ArrayList<>();
        List<String> cutShort = new ArrayList<>();
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement(SUMMARIES)) {
                ps.setString(1, CLOSED);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long last = rs.getLong(4);
                        if (rs.wasNull()) {
                            cutShort.add(rs.getString(1));
                        }
                        out.add(new Summary(rs.getString(1), rs.getString(2), rs.getString(3), last, Optional.ofNullable(rs.getString(5))));
                    }
                }
            }
            for (String id : cutShort) {
                try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq), MIN(CASE WHEN kind = ? THEN at_exercise END) FROM journal WHERE exercise_id = ?")) {
                    ps.setString(1, CLOSED);
                    ps.setString(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long last = rs.getLong(1);
                        Optional<String> closed = Optional.ofNullable(rs.getString(2));
                        out.replaceAll(x -> x.id().equals(id) ? new Summary(x.id(), x.regime(), x.createdAt(), last, closed) : x);
                    }
                }
            }
        } catch (SQLException e) {
            throw StoreUnavailable.of("the database does not answer", e);
        }
        return out;
    }

    /**
     * The exercise's time now by its clock, as its first entry sets it, without reading the exercise
     * into memory (as {@link #now} does when it is not held).
     */
    public Instant nowOf(String exercise) {
        Live l = live.get(exercise);
        if (l != null && !l.broken) {
            return l.clock.now(real.instant());
        }
        List<Journal.Entry> first = journal(exercise, 0, 1);
        List<String> problems = new ArrayList<>();
        Origin o = first.isEmpty() ? null : origin(first.get(0), problems);
        if (o == null || o.clock() == null) {
            throw new StoreUnavailable("the first entry of exercise " + exercise + " does not read: " + (first.isEmpty() ? "there is none" : String.join("; ", problems)), null);
        }
        return o.clock().now(real.instant());
    }

    /** A credential just issued (its token shown once), and how many of the actor's earlier ones were revoked with it. */
    public record NewCredential(String exercise, String actor, String token, int revoked) {
    }

    /**
     * A new credential for {@code actor} (delegation:ISO3 of a party, depositary or observer) in an
     * open exercise; with {@code rotate}, the actor's earlier credentials are revoked in the same
     * transaction (refused with 401 from then on).
     */
    public NewCredential issue(String exercise, String actor, boolean rotate) {
        Actor who = actorOf(exercise, actor);
        ExerciseState s = current(exercise).visible;
        if (s.closed().isPresent()) {
            throw new BadInput(409, "exercise", "the exercise was closed at " + s.closed().get() + ": no credential is issued for it");
        }
        return inTransaction("the database did not take the credential", c -> {
            List<String> gone = rotate ? credentials.revoke(c, exercise, who.id()) : List.of();
            String token = credentials.issue(c, exercise, who.id());
            return new Pending<>(new NewCredential(exercise, who.id(), token, gone.size()), gone);
        });
    }

    /** How many credentials of an actor were revoked. */
    public record Revocation(String exercise, String actor, int revoked) {
    }

    /** Revokes every credential {@code actor} holds in the exercise (closed or not); each is refused with 401 from then on. */
    public Revocation revoke(String exercise, String actor) {
        Actor who = actorOf(exercise, actor);
        return inTransaction("the database did not take the revocation", c -> {
            List<String> gone = credentials.revoke(c, exercise, who.id());
            return new Pending<>(new Revocation(exercise, who.id(), gone.size()), gone);
        });
    }

    /** The exercise's credentials as the administrator sees them (never a token). */
    public List<Credentials.Issued> credentials(String exercise) {
        load(exercise);
        return credentials.list(exercise);
    }

    private record Pending<T>(T value, List<String> revoked) {
    }

    @FunctionalInterface
    private interface Work<T> {
        Pending<T> run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction, committed and synced; revoked credentials are forgotten from memory once it is. */
    private <T> T inTransaction(String failure, Work<T> work) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            Pending<T> p;
            try {
                p = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            db.sync(c);
            credentials.forget(p.revoked());
            return p.value();
        } catch (SQLException e) {
            db.reset();
            throw StoreUnavailable.of(failure, e);
        }
    }

    /** The actor a credential may be issued to: a party's delegation, the depositary or an observer. */
    private Actor actorOf(String exercise, String id) {
        ExerciseState s = load(exercise).visible;
        String hint = " (delegation:ISO3 of a party, depositary or observer)";
        Actor a;
        try {
            a = Actor.parse(id == null ? "" : id.trim());
        } catch (IllegalArgumentException e) {
            throw new BadInput(422, "actor", "'" + id + "' is not an actor" + hint);
        }
        if (a instanceof Actor.Clock) {
            throw new BadInput(422, "actor", "the clock holds no credential" + hint);
        }
        if (a instanceof Actor.Delegation d) {
            String state = d.state().toUpperCase(java.util.Locale.ROOT);
            if (!s.isParty(state)) {
                throw new BadInput(422, "actor", state + " is not a party to " + s.rules().instrument() + " in this exercise" + hint);
            }
            a = new Actor.Delegation(state);
        }
        return a;
    }

    /**
     * Closes an exercise: deadlines passed by now are journaled first, then the closing (by the
     * administrator, with its reason); from then on every action is refused (409) and every reading
     * still answers. The closing's receipt is returned once it is on disk. A closed exercise is
     * refused with 409.
     */
    public Receipt closeExercise(String exercise, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 1000) {
            throw new BadInput(422, "reason", "the reason is longer than 1000 characters");
        }
        if (ActionCodec.loneSurrogate(why) >= 0) {
            throw new BadInput(422, "reason", "'reason' holds a lone UTF-16 surrogate, which cannot be stored as given");
        }
        load(exercise);
        return (Receipt) run(new CloseJob(exercise, why));
    }

    // ------------------------------------------------------------------ acting

    /** Applies an action for an actor now; durable in the journal before it is acknowledged. */
    public Outcome act(String exercise, Actor actor, Action action) {
        Outcome[] out = new Outcome[1];
        act(exercise, actor, action, Optional.empty(), o -> {
            out[0] = o;
            return new Answer(o.result() instanceof Mechanism.Accepted ? 201 : 409, "", false);
        });
        return out[0];
    }

    /**
     * Applies an action and answers it as {@code render} says. With an Idempotency-Key: if this
     * actor already sent an action with that key in this exercise, the first answer is returned
     * (status and body, receipt included) and nothing is journaled; the same key with a different
     * action is a 422. The key and the answer are committed with the action's entry (a refusal's on
     * its own, nothing journaled), so a retry after a lost answer or a 503 whose write did go through
     * still finds them, on this server or another of the same database. {@code render} is called by
     * the journal writer, with the exercise locked.
     */
    public Answer act(String exercise, Actor actor, Action action, Optional<String> idempotencyKey, java.util.function.Function<Outcome, Answer> render) {
        idempotencyKey.ifPresent(Exercises::checkKey);
        // What replay will read back, read now with the same limits: an action the journal could not
        // replay (a subject over its length, say) is a 422, never an entry.
        return act(exercise, actor, ActionCodec.check(action), idempotencyKey, render);
    }

    /**
     * As {@link #act(String, Actor, Action, Optional, java.util.function.Function)} for an action the
     * codec has read from a request: its body is journaled as it is, not written and read again.
     */
    public Answer act(String exercise, Actor actor, ActionCodec.Checked action, Optional<String> idempotencyKey,
            java.util.function.Function<Outcome, Answer> render) {
        idempotencyKey.ifPresent(Exercises::checkKey);
        String body = action.body(); // the entry's body, and what a key's request hash covers
        String requestHash = idempotencyKey.isPresent() ? Journal.sha256(body) : "";
        load(exercise); // an unknown exercise is a 404 here, and a rebuild is done before the writer takes the action
        if (memoryFull) {
            throw new MemoryFull("the server's memory is full: the exercises it holds have more journal entries than its heap allows ("
                    + memoryLimit + "), so actions are refused until some leave memory; the action was not recorded");
        }
        return (Answer) run(new ActJob(exercise, actor, action.action(), body, idempotencyKey, requestHash, render));
    }

    static void checkKey(String k) {
        if (k.isEmpty() || k.length() > 200 || !k.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e)) {
            throw new BadInput(400, "Idempotency-Key", "the Idempotency-Key must be 1 to 200 visible ASCII characters (a UUID, say)");
        }
    }

    /**
     * Records every deadline passed by now, for the exercises in memory and for those let out of
     * memory with a deadline still to pass (read again for it); then lets the least recently used idle
     * exercises out of memory while those held have more journal entries than the budget (see
     * {@link #memoryBudget}). Returns how many deadlines were recorded.
     */
    public int tick() {
        int n = 0;
        for (Map.Entry<String, Live> e : live.entrySet()) {
            Live l = e.getValue();
            if (l.broken || Mechanism.due(l.state, l.clock.now(real.instant())).isEmpty()) {
                continue;
            }
            n += (Integer) run(new TickJob(e.getKey()));
        }
        for (Map.Entry<String, Dormant> e : dormant.entrySet()) {
            Dormant d = e.getValue();
            if (d.clock().now(real.instant()).isBefore(d.next())) {
                continue;
            }
            try {
                n += (Integer) run(new TickJob(e.getKey())); // the writer reads it in again, which ends its dormancy
            } catch (StoreUnavailable | BadInput ex) {
                // Kept dormant and tried again on the next tick: the deadline stays pending, nothing is lost. No room in
                // memory is said once, when memory fills (see full()), not for each exercise every second.
                if (!(ex instanceof MemoryFull)) {
                    LOG.warn("the passed deadline of {} (out of memory) could not be recorded yet: {}", e.getKey(), ex.getMessage());
                }
            }
        }
        n += fromTheDatabase();
        evictIdle();
        return n;
    }

    /** How many exercises one tick reads in at most for deadlines found in the database (the rest wait a tick). */
    static final int READ_FOR_DEADLINES_PER_TICK = 20;
    /** How long an exercise whose passed deadline could not be recorded waits before it is tried again. */
    static final long DEADLINE_RETRY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    /** Exercises whose passed deadline could not be recorded, and when each may be tried again ({@link System#nanoTime}). */
    private final Map<String, Long> deadlineRetry = new ConcurrentHashMap<>();
    /** Whether the last look for passed deadlines in the database failed (said once, not every second). */
    private volatile boolean deadlineLookFailed;

    /**
     * The passed deadlines of exercises this server does not hold (not read since its start, or let
     * go without a stub, or written by another server), found by the {@code next_deadline} column
     * their last batch wrote, each exercise read in and its deadlines recorded as for one held.
     */
    private int fromTheDatabase() {
        if (memoryFull) {
            return 0; // no exercise is read into memory now; the deadlines wait in the database
        }
        List<String> due = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM exercise WHERE next_deadline <= ? ORDER BY next_deadline")) {
            ps.setLong(1, real.instant().toEpochMilli());
            ps.setMaxRows(READ_FOR_DEADLINES_PER_TICK + live.size() + dormant.size() + deadlineRetry.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && due.size() < READ_FOR_DEADLINES_PER_TICK) {
                    String id = rs.getString(1);
                    Long retry = deadlineRetry.get(id);
                    if (!live.containsKey(id) && !dormant.containsKey(id) && (retry == null || System.nanoTime() - retry >= 0)) {
                        due.add(id);
                    }
                }
            }
            if (deadlineLookFailed) {
                deadlineLookFailed = false;
                LOG.info("passed deadlines are looked for in the database again");
            }
        } catch (SQLException | RuntimeException e) {
            if (!deadlineLookFailed) {
                deadlineLookFailed = true;
                LOG.warn("passed deadlines could not be looked for in the database ({}); tried again each second, said again once it works",
                        e.getMessage());
            }
            return 0;
        }
        int n = 0;
        for (String id : due) {
            try {
                n += (Integer) run(new TickJob(id));
                deadlineRetry.remove(id);
            } catch (RuntimeException ex) {
                // One exercise's fault (its journal not intact, its regime unknown to this server, the store down):
                // said, tried again a minute later, and the tick goes on with the others.
                deadlineRetry.put(id, System.nanoTime() + DEADLINE_RETRY_NANOS);
                LOG.warn("the passed deadline of {} (found in the database) could not be recorded: {}; tried again in a minute", id, ex.getMessage());
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ memory

    /**
     * About how many bytes of heap an exercise holds per journal entry: bench/load measures it (the
     * live heap after a full collection over the entries in memory; 449 bytes when last run).
     */
    public static final long BYTES_PER_ENTRY = 450;

    /** The default budget: a third of the heap's ceiling, at {@link #BYTES_PER_ENTRY} (about 397,000 entries under 512 MiB). */
    public static long defaultMemoryBudget() {
        return Runtime.getRuntime().maxMemory() / 3 / BYTES_PER_ENTRY;
    }

    /**
     * The most entries an exercise may have and still be let go: a quarter of the default budget
     * (about 99,000 under 512 MiB), whatever budget is set; a larger one stays (see {@link #evictIdle}).
     */
    private volatile long largestLetGo = defaultMemoryBudget() / 4;

    /** For tests: sets {@link #largestLetGo}. */
    Exercises largestLetGo(long entries) {
        largestLetGo = entries;
        return this;
    }

    /**
     * The most journal entries the exercises in memory may hold before actions are refused (503), at
     * {@link #BYTES_PER_ENTRY}: 45 % of the heap's ceiling (about 537,000 entries under 512 MiB),
     * whatever budget is set. Over the budget nothing else stops their growth when none is idle, and
     * the heap then ran out: by hand under a load with -Xmx256m, at some 366,000 entries in memory
     * (the budget there being 199,000), an OutOfMemoryError struck inside an H2 commit, H2 closed the
     * database and its file could not be opened again ("File corrupted in chunk ..."): every action,
     * the acknowledged ones with it, lost. A refused action is retried once exercises have left memory.
     */
    public static long defaultMemoryLimit() {
        return Runtime.getRuntime().maxMemory() * 45 / 100 / BYTES_PER_ENTRY;
    }

    private volatile long memoryLimit = defaultMemoryLimit();
    /** Whether the last pass found more entries in memory than {@link #memoryLimit}: actions are refused until it finds fewer. */
    private volatile boolean memoryFull;

    /** For tests: sets {@link #memoryLimit}. */
    Exercises memoryLimit(long entries) {
        memoryLimit = entries;
        return this;
    }

    /** Records whether {@code held} entries are over the limit, saying so in the log when that starts and ends. */
    private void full(long held) {
        boolean full = held > memoryLimit;
        if (full != memoryFull) {
            if (full) {
                LOG.error("the exercises in memory hold {} journal entries, over the {} this heap allows: actions are refused (503), exercises"
                        + " out of memory are not read into it (503) and their passed deadlines wait, until exercises leave memory;"
                        + " raise the heap (-Xmx) and --max-entries-in-memory", held, memoryLimit);
            } else {
                LOG.warn("the exercises in memory hold {} journal entries, within the {} this heap allows: actions are taken again", held, memoryLimit);
            }
        }
        memoryFull = full;
    }

    /** How long an exercise must have gone unasked before it may leave memory (default 10 s). */
    public static final java.time.Duration MIN_IDLE = java.time.Duration.ofSeconds(10);

    private volatile long memoryBudget = defaultMemoryBudget();
    private volatile long minIdleNanos = MIN_IDLE.toNanos();
    private final Map<String, Dormant> dormant = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong evicted = new java.util.concurrent.atomic.AtomicLong();
    /** Whether the last pass found the budget exceeded with nothing idle to let go (said once, not every second). */
    private volatile boolean overBudgetSaid;

    /**
     * Lets exercises out of memory once those held have more than {@code entries} journal entries
     * between them, the least recently used first, and only those unasked for at least {@code idle}: an
     * exercise let go is read again (from its latest snapshot and the journal after it) when next
     * asked for, and one with a deadline still to pass is read again when the deadline passes, so that
     * the clock records it as it would have in memory. Exercises in use are never let go, so a budget
     * smaller than what is in use is exceeded (and said in the log) rather than paid for in rebuilds.
     */
    public Exercises memoryBudget(long entries, java.time.Duration idle) {
        if (entries < 0) {
            throw new BadInput(400, "max-entries-in-memory", "the budget is a number of journal entries, 0 or more, not " + entries);
        }
        if (idle.isNegative()) {
            throw new BadInput(400, "idle", "an idle time is 0 or more, not " + idle);
        }
        memoryBudget = entries;
        minIdleNanos = idle.toNanos();
        return this;
    }

    /**
     * What the exercises in memory hold, against the budget; how many were let go since the start, how
     * many wait out of memory for a deadline; the hard limit, and whether the last pass found it passed
     * (actions refused).
     */
    public record Memory(int exercises, long entries, long budget, long evicted, int dormant, long limit, boolean full) {
    }

    public Memory memory() {
        int n = 0;
        long entries = 0;
        for (Live l : live.values()) {
            if (!l.broken) {
                n++;
                entries += l.seq;
            }
        }
        return new Memory(n, entries, memoryBudget, evicted.get(), dormant.size(), memoryLimit, memoryFull);
    }

    /** One pass of {@link #memoryBudget}'s rule; returns how many exercises left memory. */
    int evictIdle() {
        long held = memory().entries();
        if (held <= memoryBudget) {
            overBudgetSaid = false;
            full(held);
            return 0;
        }
        long now = System.nanoTime();
        record Idle(String id, Live live, long lastUsed) {
        }
        List<Idle> idle = new ArrayList<>();
        for (Map.Entry<String, Live> e : live.entrySet()) {
            long used = e.getValue().lastUsed;
            // A large exercise stays: reading it back takes seconds, which its next user would wait, and
            // memory spent on one exercise is better kept than paid for again in rebuilds of it. Unless the
            // hard limit is passed: actions are refused then, and a rebuild is better than refusing them all.
            if (!e.getValue().broken && now - used >= minIdleNanos && (e.getValue().seq <= largestLetGo || held > memoryLimit)) {
                idle.add(new Idle(e.getKey(), e.getValue(), used));
            }
        }
        idle.sort(java.util.Comparator.comparingLong(Idle::lastUsed));
        int out = 0;
        for (Idle e : idle) {
            if (held <= memoryBudget) {
                break;
            }
            if (letGo(e.id(), e.live(), e.lastUsed())) {
                held -= e.live().seq;
                out++;
            }
        }
        full(held);
        if (held > memoryBudget && !overBudgetSaid) {
            overBudgetSaid = true;
            LOG.warn("the exercises in memory hold {} journal entries, over the budget of {}, and none of the rest has been idle for {} s:"
                    + " they stay (raise the heap and --max-entries-in-memory if this lasts)", held, memoryBudget, minIdleNanos / 1_000_000_000.0);
        }
        return out;
    }

    // ------------------------------------------------------------------ the writer's side

    /**
     * Work for the journal writer on one exercise: {@link #decide} runs inside the writer's
     * transaction with the exercise locked in the database, up to date, and its lock in memory held;
     * its answer is given once the transaction is committed and synced.
     */
    private abstract static class Job implements GroupCommit.Job {
        final String exercise;
        final java.util.concurrent.CompletableFuture<Object> done = new java.util.concurrent.CompletableFuture<>();
        /** What the caller gets once the batch is committed: a value, or a refusal to throw (a {@link BadInput}). */
        Object result;
        RuntimeException refusal;
        Optional<Due> due = Optional.empty();
        Exercises owner;

        Job(String exercise) {
            this.exercise = exercise;
        }

        abstract void decide(Connection c, Live l, GroupCommit.Out out) throws SQLException;

        @Override
        public String exercise() {
            return exercise;
        }

        @Override
        public void committed() {
            due.ifPresent(d -> owner.snapshot(exercise, d));
            if (refusal != null) {
                done.completeExceptionally(refusal);
            } else {
                done.complete(result);
            }
        }

        @Override
        public void failed(Throwable t) {
            done.completeExceptionally(t);
        }
    }

    /** An action: its idempotency key looked up, deadlines due recorded, then the rules' decision. */
    private final class ActJob extends Job {
        final Actor actor;
        final Action action;
        /** The action as its journal entry's body. */
        final String body;
        final Optional<String> key;
        /** The hash of {@link #body}, with a key only. */
        final String requestHash;
        final java.util.function.Function<Outcome, Answer> render;

        ActJob(String exercise, Actor actor, Action action, String body, Optional<String> key, String requestHash,
                java.util.function.Function<Outcome, Answer> render) {
            super(exercise);
            this.actor = actor;
            this.action = action;
            this.body = body;
            this.key = key;
            this.requestHash = requestHash;
            this.render = render;
        }

        /** The answer this action gets (before any retry of it in the same batch is answered). */
        Answer given;
        /** The first answer committed under this action's key, as looked up for the whole batch (see {@link #firstAnswers}). */
        Optional<FirstAnswer> stored = Optional.empty();

        /** The action's key in the batch and in {@link #firstAnswers}: exercise, actor and Idempotency-Key. */
        String batchKey() {
            return idempotencyKey(exercise, actor.id(), key.orElse(""));
        }

        @Override
        void decide(Connection c, Live l, GroupCommit.Out out) throws SQLException {
            String batchKey = batchKey();
            if (key.isPresent()) {
                if (out.batchKeys.get(batchKey) instanceof ActJob first) { // a retry within the batch: the first's answer, once it has one
                    if (!first.requestHash.equals(requestHash)) {
                        refusal = reusedKey();
                    } else {
                        out.afterSigning.add(() -> result = new Answer(first.given.status(), first.given.body(), true));
                    }
                    return;
                }
                Optional<FirstAnswer> f = stored;
                if (f.isPresent()) {
                    if (!f.get().requestHash().equals(requestHash)) {
                        refusal = reusedKey();
                    } else {
                        result = new Answer(f.get().answer().status(), f.get().answer().body(), true);
                    }
                    return;
                }
                out.batchKeys.put(batchKey, this);
            }
            Instant now = l.clock.now(real.instant());
            if (now.isBefore(l.state.lastAt())) {
                now = l.state.lastAt();
            }
            recordDue(exercise, l, now, out);
            Mechanism.Result r = Mechanism.apply(l.state, actor, action, now);
            if (!(r instanceof Mechanism.Accepted a)) {
                given = render.apply(new Outcome(r, Optional.empty(), now));
                keep(out, 0);
                result = given;
                return;
            }
            int at = out.entries.size();
            out.entries.add(chain(exercise, l, now, actor.id(), action.kind(), body));
            l.state = a.state();
            due = snapshotDue(l);
            Instant when = now;
            out.afterSigning.add(() -> { // the answer carries the receipt: it is rendered once the entry is signed
                Journal.Entry e = out.entries.get(at);
                given = render.apply(new Outcome(r, Optional.of(e), when));
                keep(out, e.seq());
                result = given;
            });
        }

        private BadInput reusedKey() {
            return new BadInput(422, "Idempotency-Key", "this Idempotency-Key was already used for a different action; use a new key for a new action");
        }

        /** Keeps the answer under the action's Idempotency-Key, in the same transaction as its entry (if any). */
        private void keep(GroupCommit.Out out, long seq) {
            key.ifPresent(k -> out.keys.add(new GroupCommit.Idem(exercise, actor.id(), k, requestHash, seq, given.status(), given.body())));
        }
    }

    /** The closing of an exercise, after the deadlines passed by now. */
    private final class CloseJob extends Job {
        final String why;

        CloseJob(String exercise, String why) {
            super(exercise);
            this.why = why;
        }

        @Override
        void decide(Connection c, Live l, GroupCommit.Out out) {
            Instant now = l.clock.now(real.instant());
            if (now.isBefore(l.state.lastAt())) {
                now = l.state.lastAt();
            }
            recordDue(exercise, l, now, out);
            Mechanism.Result r = Mechanism.close(l.state, now);
            if (r instanceof Mechanism.Refused f) {
                refusal = new BadInput(409, f.field(), f.message());
                return;
            }
            ObjectNode body = ActionCodec.JSON.createObjectNode().put("reason", why);
            int at = out.entries.size();
            out.entries.add(chain(exercise, l, now, ADMIN, CLOSED, body.toString()));
            l.state = ((Mechanism.Accepted) r).state();
            out.afterSigning.add(() -> result = Receipt.of(out.entries.get(at)));
        }
    }

    /** The deadlines passed by now, journaled by the clock; the result is how many. */
    private final class TickJob extends Job {
        TickJob(String exercise) {
            super(exercise);
        }

        @Override
        void decide(Connection c, Live l, GroupCommit.Out out) {
            result = recordDue(exercise, l, l.clock.now(real.instant()), out);
        }
    }

    /** The first answer given to an Idempotency-Key, and the hash of the action it came with. */
    private record FirstAnswer(String requestHash, Answer answer) {
    }

    /** An Idempotency-Key with its exercise and actor, as one key of a batch and of {@link #firstAnswers}. */
    private static String idempotencyKey(String exercise, String actor, String key) {
        return exercise + "\n" + actor + "\n" + key;
    }

    /** How many keys one look-up asks for at most (three parameters each). */
    private static final int KEYS_PER_LOOKUP = 100;

    /**
     * The first answers committed (by this server or another) to the Idempotency-Keys of the batch's
     * keyed actions, by {@link ActJob#batchKey}: one query for up to {@value #KEYS_PER_LOOKUP} keys,
     * rather than one per action; asked in the batch's transaction, after its exercises are locked.
     */
    private static Map<String, FirstAnswer> firstAnswers(Connection c, List<ActJob> keyed) throws SQLException {
        Map<String, FirstAnswer> found = new java.util.HashMap<>();
        for (int from = 0; from < keyed.size(); from += KEYS_PER_LOOKUP) {
            List<ActJob> part = keyed.subList(from, Math.min(keyed.size(), from + KEYS_PER_LOOKUP));
            String sql = "SELECT exercise_id, actor, idem_key, request_hash, status, response FROM idempotency WHERE (exercise_id, actor, idem_key) IN ("
                    + String.join(",", java.util.Collections.nCopies(part.size(), "(?,?,?)")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                for (ActJob j : part) {
                    ps.setString(p++, j.exercise);
                    ps.setString(p++, j.actor.id());
                    ps.setString(p++, j.key.orElseThrow());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(idempotencyKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                                new FirstAnswer(rs.getString(4).trim(), new Answer(rs.getInt(5), rs.getString(6), true)));
                    }
                }
            }
        }
        return found;
    }

    /**
     * The journal writer's lock and catch-up read on PostgreSQL (see {@code Writer.lockAndRead}): the
     * batch's exercises locked, held to the commit (another server of this database waits here), then
     * the entries committed after those this server knows, read by a statement of its own so that it
     * sees what was committed while the lock was awaited. Parameters: the exercises (text[]), and the
     * exercises and their last known numbers (text[], bigint[]).
     */
    static final String LOCK_AND_READ = "SET LOCAL plan_cache_mode = force_generic_plan;"
            + " SELECT id FROM exercise WHERE id = ANY(?::varchar[]) ORDER BY id FOR NO KEY UPDATE; "
            + Journal.READ_AFTER_ARRAYS;

    /** The writer's side of each batch: lock, catch up, decide. */
    private final class Writer implements GroupCommit.Host {
        @Override
        public void decide(Connection c, Map<String, List<GroupCommit.Job>> jobs, GroupCommit.Out out) throws SQLException {
            List<String> ids = new ArrayList<>(jobs.keySet()); // in id order: two servers never wait on each other in a cycle
            for (String id : ids) {
                load(id); // a rebuild (which reads with connections of its own) before any lock in memory is held
            }
            Map<String, Live> lives = new LinkedHashMap<>();
            try {
                for (String id : ids) {
                    Live l = load(id);
                    l.lock.lock();
                    while (l.broken) { // dropped by a reader that found the journal changed under it: read again
                        l.lock.unlock();
                        l = load(id);
                        l.lock.lock();
                    }
                    lives.put(id, l);
                }
                Map<String, Long> known = new LinkedHashMap<>();
                lives.forEach((id, l) -> known.put(id, l.seq));
                Map<String, List<Journal.Entry>> tails = lockAndRead(c, ids, known);
                List<ActJob> keyed = new ArrayList<>();
                jobs.values().forEach(js -> js.forEach(j -> {
                    if (j instanceof ActJob a && a.key.isPresent()) {
                        keyed.add(a);
                    }
                }));
                if (!keyed.isEmpty()) {
                    Map<String, FirstAnswer> answered = firstAnswers(c, keyed);
                    keyed.forEach(a -> a.stored = Optional.ofNullable(answered.get(a.batchKey())));
                }
                for (String id : ids) {
                    Live l = lives.get(id);
                    apply(id, l, tails.getOrDefault(id, List.of()));
                    for (GroupCommit.Job j : jobs.get(id)) {
                        ((Job) j).owner = Exercises.this;
                        ((Job) j).decide(c, l, out);
                    }
                    storeNextDeadline(c, id, l);
                }
                // Each entry signed on its own (exercise, seq, chain hash), several at once; then the answers that carry the receipts.
                out.signed(signer.sign(out.entries));
            } finally {
                for (Live l : lives.values()) {
                    l.lock.unlock();
                }
            }
        }

        /**
         * Locks the batch's exercises in the database, held to the commit (another server of this
         * database waits here, and then sees this batch's entries), and then reads the entries
         * committed after those {@code known} (by another server). The read is a statement of its
         * own after the lock, so that it sees what was committed while the lock was awaited; on
         * PostgreSQL both go to the database in one round trip.
         */
        private Map<String, List<Journal.Entry>> lockAndRead(Connection c, List<String> ids, Map<String, Long> known) throws SQLException {
            if (db.isPostgresql()) {
                return lockAndReadPostgresql(c, ids, known);
            }
            String lock = "SELECT id FROM exercise WHERE id IN (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ") FOR UPDATE";
            try (PreparedStatement ps = c.prepareStatement(lock)) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setString(i + 1, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    checkLocked(rs, ids);
                }
            }
            return Journal.readAfter(c, known);
        }

        /**
         * PostgreSQL: {@link #LOCK_AND_READ}, one text whatever the batch, in one round trip. The
         * exercises and their last known numbers go as arrays, so the statement is prepared once per
         * connection and planned once for any values (its generic plan, asked for by the first of its
         * statements for this transaction only). Both plans go by the primary keys whatever the values;
         * before, the text changed with the number of exercises in the batch and PostgreSQL planned the
         * read anew on most calls (pg_stat_statements under bench/load: 29,620 plans for 47,349 calls,
         * 1.8 s of planning against 0.5 s of execution).
         */
        private Map<String, List<Journal.Entry>> lockAndReadPostgresql(Connection c, List<String> ids, Map<String, Long> known) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(LOCK_AND_READ)) {
                ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
                ps.setArray(2, c.createArrayOf("varchar", known.keySet().toArray()));
                ps.setArray(3, c.createArrayOf("bigint", known.values().toArray()));
                ps.execute(); // the SET, which has no results
                if (!ps.getMoreResults()) {
                    throw new IllegalStateException("the database did not answer the lock of the batch's exercises");
                }
                try (ResultSet rs = ps.getResultSet()) {
                    checkLocked(rs, ids);
                }
                if (!ps.getMoreResults()) {
                    throw new IllegalStateException("the database did not answer the journal's read after the lock");
                }
                try (ResultSet rs = ps.getResultSet()) {
                    return Journal.readAfterRows(rs);
                }
            }
        }

        private static void checkLocked(ResultSet rs, List<String> ids) throws SQLException {
            int found = 0;
            while (rs.next()) {
                found++;
            }
            if (found != ids.size()) {
                throw new IllegalStateException("an exercise of the batch " + ids + " is not in the database");
            }
        }

        @Override
        public void committed(String exercise) {
            Live l = live.get(exercise);
            if (l != null && !l.broken) {
                l.visible = l.state; // only this writer changes the exercise's state, and it is between batches
            }
        }

        @Override
        public void failed(String exercise) {
            Live l = live.get(exercise);
            if (l != null) {
                drop(exercise, l);
            }
        }
    }

    /**
     * Writes the exercise's next deadline (in real time) to its row, within the batch's transaction,
     * when it is not what the row is known to hold: the exercise clock finds passed deadlines there
     * for exercises no server holds in memory ({@link #tick}). The caller holds {@code l}'s lock and
     * the row's lock in the database; a batch that fails drops {@code l}, and what it knew with it.
     */
    private void storeNextDeadline(Connection c, String exercise, Live l) throws SQLException {
        long want = nextDeadlineMillis(l.state, l.clock);
        if (want == l.storedDeadline) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE exercise SET next_deadline = ? WHERE id = ?")) {
            if (want == NO_DEADLINE) {
                ps.setNull(1, java.sql.Types.BIGINT);
            } else {
                ps.setLong(1, want);
            }
            ps.setString(2, exercise);
            ps.executeUpdate();
        }
        l.storedDeadline = want;
    }

    /** The state's next deadline in real time, in milliseconds rounded up; {@link #NO_DEADLINE} for none. */
    static long nextDeadlineMillis(ExerciseState s, ExerciseClock clock) {
        Optional<Instant> next = Mechanism.nextDeadline(s);
        if (next.isEmpty()) {
            return NO_DEADLINE;
        }
        Instant r = clock.realWhen(next.get());
        return r.toEpochMilli() + (r.getNano() % 1_000_000 == 0 ? 0 : 1);
    }

    /**
     * Applies to {@code l} the journal entries committed after the last it knows (by another server
     * of this database), checked against the chain and replayed through the rules; the caller holds
     * {@code l}'s lock. An entry that does not continue the chain, or that the rules refuse, drops
     * the exercise from memory (it is rebuilt from the whole journal on the next call).
     */
    private void catchUp(Connection c, String exercise, Live l) throws SQLException {
        apply(exercise, l, Journal.read(c, exercise, l.seq, Integer.MAX_VALUE));
    }

    /** Applies {@code tail}, the entries after what {@code l} holds, as {@link #catchUp} does. */
    private void apply(String exercise, Live l, List<Journal.Entry> tail) {
        if (tail.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>(Journal.verify(tail, l.seq, l.hash));
        ExerciseState s = l.state;
        if (problems.isEmpty()) {
            for (Journal.Entry e : tail) {
                s = next(s, e, problems);
            }
        }
        if (!problems.isEmpty()) {
            drop(exercise, l);
            throw new StoreUnavailable("the journal of " + exercise + " does not continue what this server holds (" + problems.get(0)
                    + "); it is read again from the database", null);
        }
        Journal.Entry last = tail.get(tail.size() - 1);
        l.state = s;
        l.storedDeadline = DEADLINE_UNKNOWN; // another server's batch wrote the column from its state, not this one's
        l.visible = s; // committed entries (by another server), applied when nothing of this one's is pending
        l.seq = last.seq();
        l.hash = last.hash();
    }

    /** The exercise in memory with every entry committed so far, by this server or another. */
    private Live current(String exercise) {
        while (true) {
            Live l = load(exercise);
            try (Connection c = db.connection()) {
                l.lock.lock();
                try {
                    if (l.broken) {
                        continue;
                    }
                    catchUp(c, exercise, l);
                    return l;
                } finally {
                    l.lock.unlock();
                }
            } catch (SQLException e) {
                throw StoreUnavailable.of("the database does not answer", e);
            }
        }
    }

    /** Hands a job to the writer and waits for its answer (at most three database timeouts). */
    private Object run(Job j) {
        j.owner = this;
        writer.submit(j);
        long wait = db.settings().timeout().toMillis() * 3;
        try {
            return j.done.get(wait, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalUnavailable("interrupted while the journal was written; the action may or may not be recorded", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new JournalUnavailable("the journal did not confirm the write within " + wait / 1000.0 + " s, so the action is not acknowledged"
                    + " (it may still be recorded: retry with the same Idempotency-Key)", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof BadInput b) {
                throw b;
            }
            if (e.getCause() instanceof GroupCommit.OutcomeUnknown u) {
                throw new JournalUnavailable(u.getMessage() + ", so the action may or may not be recorded: retry with the same Idempotency-Key"
                        + " (it returns the first answer if the action was recorded), or look for it in the journal before acting again", u);
            }
            throw new JournalUnavailable("the journal could not be written, so the action was not recorded: " + StoreUnavailable.reason(e.getCause()),
                    e.getCause());
        }
    }

    /** Journals every deadline passed by {@code now} (entries added to {@code out}, before the action's own); returns how many. */
    private int recordDue(String exercise, Live l, Instant now, GroupCommit.Out out) {
        int n = 0;
        for (Action.DeadlinePassed d : Mechanism.due(l.state, now)) {
            Instant at = Instant.parse(d.deadline());
            if (at.isBefore(l.state.lastAt())) {
                at = l.state.lastAt();
            }
            Mechanism.Result r = Mechanism.apply(l.state, new Actor.Clock(), d, at.isAfter(now) ? now : at);
            if (r instanceof Mechanism.Accepted a) {
                out.entries.add(chain(exercise, l, at.isAfter(now) ? now : at, new Actor.Clock(), d));
                l.state = a.state();
                n++;
            }
        }
        return n;
    }

    /**
     * Chains the entry onto the exercise's journal in memory, for the writer; the caller holds the
     * lock. The entry is signed with the rest of its batch once the batch is decided (see {@link Writer#decide}).
     */
    private Journal.Entry chain(String exercise, Live l, Instant at, Actor actor, Action action) {
        return chain(exercise, l, at, actor.id(), action.kind(), ActionCodec.write(action).toString());
    }

    private Journal.Entry chain(String exercise, Live l, Instant at, String actor, String kind, String body) {
        long seq = l.seq + 1;
        String atReal = real.instant().toString();
        String h = Journal.hash(exercise, seq, at.toString(), atReal, actor, kind, body, l.hash);
        Journal.Entry e = new Journal.Entry(exercise, seq, at.toString(), atReal, actor, kind, body, l.hash, h);
        l.seq = seq;
        l.hash = h;
        return e;
    }

    /** Forgets the exercise's state in memory: the next call replays it from what the database has. */
    private void drop(String exercise, Live l) {
        l.broken = true;
        live.remove(exercise, l);
    }
}
