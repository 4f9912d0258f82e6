-- Each journal entry signed by the server's Ed25519 key (over exercise, seq and hash): entries
-- written before this version have none, and the chain hash itself is unchanged.
ALTER TABLE journal ADD COLUMN key_id VARCHAR(64);
ALTER TABLE journal ADD COLUMN signature VARCHAR(200);

-- An action's Idempotency-Key, kept in the same transaction as its journal entry: a retry with
-- the same key (same exercise, same actor) gets the first answer back and journals nothing new.
CREATE TABLE idempotency (
    exercise_id VARCHAR(64) NOT NULL REFERENCES exercise (id),
    actor VARCHAR(80) NOT NULL,
    idem_key VARCHAR(200) NOT NULL,
    request_hash CHAR(64) NOT NULL,
    seq BIGINT NOT NULL,
    status INT NOT NULL,
    response VARCHAR(100000) NOT NULL,
    PRIMARY KEY (exercise_id, actor, idem_key)
);

-- One row the health check rewrites to learn whether the database takes writes.
CREATE TABLE store_health (
    id INT PRIMARY KEY,
    checked_at VARCHAR(40) NOT NULL
);
INSERT INTO store_health (id, checked_at) VALUES (1, '');
