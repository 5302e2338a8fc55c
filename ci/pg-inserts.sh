#!/usr/bin/env bash
# Raw PostgreSQL figures for docs/scaling.md, with pgbench against the throw-away PostgreSQL of
# ci/postgres.sh (database tribune_pgbench, recreated): how many vote rows per second one
# PostgreSQL takes in the ingest's shape (one transaction per batch: the votes inserted with their
# two indexes, plus one tally update per idea in the batch), and how many single-row commits per
# second it takes (the cost floor of a batch).
#
#   ci/pg-inserts.sh              # DURATION=20 CLIENTS=2 BATCH=64
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
CLIENTS=${CLIENTS:-2}
BATCH=${BATCH:-64}
export PG_PORT=${PG_PORT:-5433}
DB=tribune_pgbench
WORK=target/pg-inserts
mkdir -p "$WORK"

bash ci/postgres.sh start "$DB" >/dev/null
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
export PGPASSWORD=${PG_PASSWORD:-tribune}
CONN=(-h 127.0.0.1 -p "$PG_PORT" -U "${PG_USER:-tribune}" -d "$DB")

# The voting tables' shape (V2) without the foreign keys to member/idea, which would need seeded rows.
"$BIN/psql" -X -q "${CONN[@]}" -v ON_ERROR_STOP=1 <<'SQL'
SET client_min_messages = warning;
DROP TABLE IF EXISTS pgb_vote, pgb_tally, pgb_commit;
CREATE TABLE pgb_tally (idea_id BIGINT PRIMARY KEY, votes BIGINT NOT NULL, trend_mass DOUBLE PRECISION NOT NULL,
                        votable BOOLEAN NOT NULL, first_vote_at TIMESTAMP);
INSERT INTO pgb_tally SELECT g, 0, 0, TRUE, NULL FROM generate_series(1, 1000) g;
CREATE TABLE pgb_vote (member_id BIGINT NOT NULL, idea_id BIGINT NOT NULL, cast_at TIMESTAMP NOT NULL,
                       charged_week DATE NOT NULL, trend_weight DOUBLE PRECISION NOT NULL, refunded BOOLEAN NOT NULL,
                       PRIMARY KEY (member_id, idea_id));
CREATE INDEX ix_pgb_vote_idea ON pgb_vote (idea_id);
CREATE TABLE pgb_commit (id BIGSERIAL PRIMARY KEY, at TIMESTAMP NOT NULL);
CREATE SEQUENCE IF NOT EXISTS pgb_member;
SQL

# One batch: BATCH votes by fresh members on random ideas, then the tally updates, one commit.
{
  echo "BEGIN;"
  echo "INSERT INTO pgb_vote SELECT nextval('pgb_member'), 1 + (random() * 999)::int, now(), current_date, 1.0, FALSE FROM generate_series(1, $BATCH);"
  echo "UPDATE pgb_tally SET votes = votes + 1, trend_mass = trend_mass + 1 WHERE idea_id IN (SELECT 1 + (random() * 999)::int FROM generate_series(1, 16));"
  echo "END;"
} > "$WORK/batch.sql"
echo "INSERT INTO pgb_commit (at) VALUES (now());" > "$WORK/commit.sql"

run() { # name script
  # (pgbench's -d means debug: the database is its last argument)
  "$BIN/pgbench" -n -h 127.0.0.1 -p "$PG_PORT" -U "${PG_USER:-tribune}" -c "$CLIENTS" -j "$CLIENTS" \
    -T "$DURATION" -f "$WORK/$2" "$DB" 2>/dev/null \
    | grep -E "^(tps|latency average)" | sed "s/^/  $1: /"
}
echo "== $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $CLIENTS clients, ${DURATION}s each"
echo "batches of $BATCH votes + 16 tally updates:"
run batch batch.sql
echo "  vote rows/s = batch tps x $BATCH"
echo "single-row commits:"
run commit commit.sql
"$BIN/psql" -X -q "${CONN[@]}" -tA -c "SELECT 'table + indexes: ' || pg_size_pretty(pg_total_relation_size('pgb_vote')) || ' for ' || count(*) || ' votes, ' || (pg_total_relation_size('pgb_vote') / GREATEST(count(*), 1)) || ' bytes per vote' FROM pgb_vote"
