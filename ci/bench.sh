#!/usr/bin/env bash
# The vote benchmark (docs/performance.md). Builds the WAR, seeds members with API tokens and
# ideas into a fresh embedded Derby, starts the packaged server, and drives it with wrk from the
# same machine: a trivial GET and the vote endpoint, measured in the same run, then checks that
# the stored tallies equal a GROUP BY over the stored votes.
#
#   ci/bench.sh                 # defaults below; override with environment variables
#   DURATION=60 CONNECTIONS=128 ci/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MEMBERS=${MEMBERS:-200000}       # members seeded, each with a token
IDEAS=${IDEAS:-1000}
DURATION=${DURATION:-20}         # seconds per measured run
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-2}
PORT=${PORT:-9580}
WORK=target/bench
DATA=$WORK/data
SERVER=target/liberty/wlp/bin/server
BASE=http://127.0.0.1:$PORT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

echo "== building"
./mvnw -q -B -ntp -DskipTests package liberty:create liberty:deploy
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$WORK/cp.txt
CP=target/classes:target/test-classes:$(cat $WORK/cp.txt)

rm -rf "$DATA" && mkdir -p "$DATA"
echo "== seeding $MEMBERS members and $IDEAS ideas"
java -cp "$CP" org.tribune.bench.BenchSeed "$(pwd)/$DATA" "$MEMBERS" "$IDEAS" $WORK/tokens.txt

echo "== starting the server on port $PORT"
export TRIBUNE_DATA_DIR=$(pwd)/$DATA HTTP_PORT=$PORT
$SERVER start tribune >/dev/null
trap '$SERVER stop tribune >/dev/null 2>&1 || true' EXIT
for i in $(seq 1 120); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && curl -fs "$BASE/api/v1/ping" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/api/v1/ping" >/dev/null

run() { # name script duration extra-env...
  local name=$1 script=$2 duration=$3; shift 3
  env "$@" TOKENS=$WORK/tokens.txt IDEAS=$IDEAS THREADS=$WRK_THREADS $(cat $WORK/seed.env) \
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${duration}s" --timeout 10s -s "ci/bench/$script" "$BASE${PATH_OVERRIDE:-/api/v1/ping}" \
    > "$WORK/$name.txt"
  cat "$WORK/$name.txt" | grep -E "^(statuses|latency_ms|rate):" | sed "s/^/  $name /"
}

WARM_MEMBERS=20000
echo "== warm-up (${WARMUP}s each)"
run warm-get get.lua "$WARMUP"
run warm-votes votes.lua "$WARMUP" FIRST_MEMBER=0 MEMBERS=$WARM_MEMBERS REPEAT=1

echo "== measured (${DURATION}s each, $CONNECTIONS connections)"
run get get.lua "$DURATION"
run votes votes.lua "$DURATION" FIRST_MEMBER=$WARM_MEMBERS MEMBERS=$((MEMBERS - WARM_MEMBERS)) REPEAT=1

rate() { grep '^rate:' "$WORK/$1.txt" | awk '{print $2}'; }
p() { grep '^latency_ms:' "$WORK/$1.txt" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
GET_RATE=$(rate get); VOTE_RATE=$(rate votes)
echo
echo "| endpoint | req/s | p50 ms | p90 ms | p99 ms | statuses |"
echo "|---|---:|---:|---:|---:|---|"
echo "| GET /api/v1/ping | $GET_RATE | $(p get p50) | $(p get p90) | $(p get p99) | $(grep '^statuses:' $WORK/get.txt | cut -d' ' -f2-) |"
echo "| POST /api/v1/ideas/{id}/votes | $VOTE_RATE | $(p votes p50) | $(p votes p90) | $(p votes p99) | $(grep '^statuses:' $WORK/votes.txt | cut -d' ' -f2-) |"
awk -v v="$VOTE_RATE" -v g="$GET_RATE" 'BEGIN { printf "\nvotes/GET ratio: %.2f\n", v / g }'

echo "== stopping and verifying the stored votes"
$SERVER stop tribune >/dev/null
trap - EXIT
java -cp "$CP" org.tribune.bench.BenchVerify "$(pwd)/$DATA" "${TRIBUNE_VOTING_WEEKLY_BUDGET:-10}"
