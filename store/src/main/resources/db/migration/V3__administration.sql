-- Administration: the administrator's credential (one row, only its hash), and each exercise
-- credential's life (issued, revoked). Credentials issued before this version have no issue time.
CREATE TABLE admin_credential (
    id INT PRIMARY KEY,
    token_hash CHAR(64) NOT NULL,
    created_at VARCHAR(40) NOT NULL
);

ALTER TABLE credential ADD COLUMN issued_at VARCHAR(40);
ALTER TABLE credential ADD COLUMN revoked_at VARCHAR(40);
CREATE INDEX credential_by_actor ON credential (exercise_id, actor);
