/**
 * Exercises persisted: their credentials (hashes only) and the hash-chained journal of accepted
 * actions, over JDBC (H2 embedded by default, PostgreSQL for shared deployments; schema by Flyway).
 * The store keeps no rules of its own: it replays the journal through
 * {@link org.eurosec.mechanism.Mechanism}.
 *
 * <p>What the store promises:
 * <ul>
 * <li><b>Durable acknowledgement.</b> {@link org.eurosec.store.GroupCommit} decides queued actions
 * and commits their entries together, then syncs them ({@link org.eurosec.store.Database#sync}); an
 * action is answered only after that, with the receipt of its own entry (the batch's entries are
 * signed together on a few threads, {@link org.eurosec.store.EntrySigner}, before the commit). H2 always runs with {@code WRITE_DELAY=0}. A failed write or
 * sync fails the whole batch and drops its exercises from memory, so the journal never has a gap.</li>
 * <li><b>Several servers, one database.</b> Each exercise of a batch is locked in the database (its
 * {@code exercise} row) and brought up to date from the journal before its actions are decided, so
 * servers sharing a PostgreSQL database decide one exercise's actions one at a time, on the state the
 * journal gives.</li>
 * <li><b>Recovery without a restart.</b> A failed write renews the connection pool and drops the
 * exercise's state in memory, which is then replayed from the journal; {@link
 * org.eurosec.store.Exercises#health} probes with a write until one succeeds. Reads and writes
 * that fail or time out ({@link org.eurosec.store.Database.Settings#timeout}) are {@link
 * org.eurosec.store.StoreUnavailable}.</li>
 * <li><b>Signed, anchored journal.</b> Every entry is signed by the {@link
 * org.eurosec.store.JournalKey} (Ed25519, a 0600 file beside an H2 database, {@link
 * org.eurosec.store.Database#KEY_FILE}); the signature over exercise, sequence and chain hash is
 * the {@link org.eurosec.store.Receipt} a delegation keeps. {@link
 * org.eurosec.store.Journal#verifySignatures} and {@link org.eurosec.store.Receipt#check} catch
 * what the chain alone cannot: a chain recomputed after an edit, a truncated tail, an appended
 * forgery. The entry hash is as in schema version 1, so older journals verify (unsigned).</li>
 * <li><b>Idempotency.</b> An action's Idempotency-Key and its answer are committed with its entry;
 * a retry gets the first answer.</li>
 * <li><b>Locked down.</b> H2 embedded in one process (no AUTO_SERVER listener), folder 0700,
 * database and key files 0600; passwords from the caller, never printed ({@link
 * org.eurosec.store.Database#mask}).</li>
 * <li><b>Text as acknowledged.</b> A lone surrogate in any string is refused (422), so what is
 * stored is exactly what was acknowledged.</li>
 * </ul>
 */
package org.eurosec.store;
