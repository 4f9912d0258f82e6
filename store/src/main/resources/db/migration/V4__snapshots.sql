-- An exercise's state every so many journal entries, so a restart replays only the journal after
-- it: the entry it follows (seq and hash, checked against the chain when read), the state (gzipped
-- JSON, Base64) and the store key's signature over both. A shortcut, never the record: one that
-- does not check out is ignored and the whole journal replayed.
CREATE TABLE snapshot (
    exercise_id VARCHAR(64) NOT NULL REFERENCES exercise (id),
    seq BIGINT NOT NULL,
    hash CHAR(64) NOT NULL,
    state VARCHAR(1000000) NOT NULL,
    key_id VARCHAR(64) NOT NULL,
    signature VARCHAR(200) NOT NULL,
    PRIMARY KEY (exercise_id, seq)
);
