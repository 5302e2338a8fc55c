-- What each member has spent of each week's vote budget: the number of votes charged to that week
-- (idea_vote.charged_week) and not refunded. The vote writer keeps it in the same transaction as
-- the votes, so checking a budget is one primary-key read instead of counting the member's votes.
-- It always equals
--   SELECT member_id, charged_week, COUNT(*) FROM idea_vote WHERE refunded = FALSE
--   GROUP BY member_id, charged_week
-- (ci/bench.sh and the crash test check this after every run).
CREATE TABLE vote_spend (
    member_id BIGINT NOT NULL REFERENCES member (id),
    week DATE NOT NULL,
    used INTEGER NOT NULL,
    PRIMARY KEY (member_id, week)
);

INSERT INTO vote_spend (member_id, week, used)
    SELECT member_id, charged_week, COUNT(*) FROM idea_vote WHERE refunded = FALSE
    GROUP BY member_id, charged_week;

-- A tally row changes with every batch of votes on its idea; each index on a changing column costs
-- an index delete and insert per update, which in a flash crowd cost as much as storing the votes.
-- Sorting ideas by votes or trend sorts the listed ideas' tallies instead (one row per idea).
DROP INDEX ix_tally_votes;
DROP INDEX ix_tally_trend;
