-- A snapshot's state had room for 1,000,000 characters: an exercise of about 36,000 procedures
-- outgrew it, and from then on every snapshot was built and thrown away, so a restart replayed the
-- whole journal. TEXT is unbounded text in PostgreSQL and, in H2, a CHARACTER VARYING of up to
-- 1,000,000,000 characters; both read and write it as a string, and existing rows are kept. The
-- store itself keeps no state longer than Exercises.MAX_SNAPSHOT_CHARS.
ALTER TABLE snapshot ALTER COLUMN state SET DATA TYPE TEXT;
