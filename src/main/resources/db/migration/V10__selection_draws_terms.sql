-- Sortition draws of rounds and the end of delegates' terms (issue 4, second part).
--
-- A round decided by lot keeps the exact files its draw was made from (the Sortition Foundation's
-- categories.csv and respondents.csv), the seed and the published result (every volunteer's
-- probability, the distribution over panels, the drawn panel) with its SHA-256, so that anyone can
-- post the files to POST /selection/panels and get the same answer.
CREATE TABLE selection_draw (
    round_id BIGINT NOT NULL PRIMARY KEY REFERENCES selection_round (id),
    method VARCHAR(20) NOT NULL,
    seed VARCHAR(64) NOT NULL,
    categories_csv ${clob} NOT NULL,
    respondents_csv ${clob} NOT NULL,
    result_json ${clob} NOT NULL,
    result_sha256 CHAR(64) NOT NULL,
    drawn_at TIMESTAMP NOT NULL
);

-- When a delegate's term ended (status 'ended'); written once, by the term-expiry job.
ALTER TABLE selection_delegate ADD COLUMN ended_at TIMESTAMP;
CREATE INDEX ix_selection_delegate_term ON selection_delegate (status, term_ends_at);
