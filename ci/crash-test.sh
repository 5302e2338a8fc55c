#!/usr/bin/env bash
# Crash safety of the vote ingest (docs/performance.md). Starts the packaged server on a seeded
# Derby, drives votes from a client that records every acknowledged vote, kills the server with
# SIGKILL in the middle, restarts it, and repeats at different moments; then checks that every
# acknowledged vote is stored exactly once and every tally equals the stored votes.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
MEMBERS=${MEMBERS:-4000}
IDEAS=${IDEAS:-200}
PORT=${PORT:-9590}
WORK=target/crash
DATA=$WORK/data
SERVER=target/liberty/wlp/bin/server
BASE=http://127.0.0.1:$PORT
ACKS=$WORK/acks.txt

mkdir -p $WORK
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B -ntp -DskipTests package liberty:create liberty:deploy
fi
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$WORK/cp.txt
CP=target/classes:target/test-classes:$(cat $WORK/cp.txt)

rm -rf "$DATA" "$ACKS" && mkdir -p "$DATA"
java -cp "$CP" org.tribune.bench.BenchSeed "$(pwd)/$DATA" "$MEMBERS" "$IDEAS" $WORK/tokens.txt
export TRIBUNE_DATA_DIR=$(pwd)/$DATA HTTP_PORT=$PORT

# Liberty records the pid of `server start` here; other Liberty servers on the machine are never touched.
PIDFILE=target/liberty/wlp/usr/servers/.pid/tribune.pid
start_server() {
  $SERVER start tribune >/dev/null
  for i in $(seq 1 120); do
    curl -fs "$BASE/api/v1/ping" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "server did not start"; exit 1
}
cleanup() { $SERVER stop tribune >/dev/null 2>&1 || true; }
trap cleanup EXIT

for round in $(seq 0 $((ROUNDS - 1))); do
  start_server
  python3 ci/crash/voter.py "$BASE" $WORK/tokens.txt $WORK/seed.env "$ACKS" "$round" 60 &
  client=$!
  delay=$(( 2 + (round * 3) % 7 ))
  sleep "$delay"
  pid=$(cat "$PIDFILE")
  echo "round $round: kill -9 the server (pid $pid) after ${delay}s of votes"
  kill -9 "$pid"
  wait "$client" || true
  sleep 1
done
# After the last crash, restart once more so Derby recovers its log, then stop cleanly.
start_server
$SERVER stop tribune >/dev/null
trap - EXIT
java -cp "$CP" org.tribune.bench.CrashVerify "$(pwd)/$DATA" "$ACKS"
