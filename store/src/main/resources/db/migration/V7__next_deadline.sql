-- Each exercise's next deadline in real time (milliseconds since 1970, rounded up), kept by the journal
-- writer in the transaction of every batch that changes it; NULL when nothing is pending, when the
-- exercise is closed, or when no server has written the exercise since this column was added. The
-- exercise clock asks for the passed ones, so a deadline that passed while the server was down (or in
-- an exercise no server holds in memory) is recorded without waiting for someone to read the exercise.
ALTER TABLE exercise ADD COLUMN next_deadline BIGINT;
CREATE INDEX exercise_next_deadline ON exercise (next_deadline);
