-- Exercises, their credentials (only a hash of each token is kept) and their journal. The journal is
-- the record: an exercise's state is what replaying its entries through the core rules gives.
CREATE TABLE exercise (
    id VARCHAR(64) PRIMARY KEY,
    regime VARCHAR(128) NOT NULL,
    created_at VARCHAR(40) NOT NULL
);

CREATE TABLE credential (
    token_hash CHAR(64) PRIMARY KEY,
    exercise_id VARCHAR(64) NOT NULL REFERENCES exercise (id),
    actor VARCHAR(80) NOT NULL
);

CREATE TABLE journal (
    exercise_id VARCHAR(64) NOT NULL REFERENCES exercise (id),
    seq BIGINT NOT NULL,
    at_exercise VARCHAR(40) NOT NULL,
    at_real VARCHAR(40) NOT NULL,
    actor VARCHAR(80) NOT NULL,
    kind VARCHAR(40) NOT NULL,
    body VARCHAR(1000000) NOT NULL,
    prev_hash CHAR(64) NOT NULL,
    hash CHAR(64) NOT NULL,
    PRIMARY KEY (exercise_id, seq)
);
