#!/usr/bin/env bash
# A throw-away PostgreSQL 15 for tests, from Debian's packages, listening on 127.0.0.1 only.
#
#   ci/postgres.sh start [database...]   # install if needed, start, create role and databases
#   ci/postgres.sh stop
#
# The cluster lives in PG_DIR (default /tmp/tribune-pg), listens on 127.0.0.1:PG_PORT (default
# 5433, so a system PostgreSQL on 5432 is left alone) and on a Unix socket inside PG_DIR. Role
# PG_USER / PG_PASSWORD (default tribune / tribune) owns the databases named on the command line
# (default: tribune). Starting an already running cluster only creates missing databases.
set -euo pipefail

PG_DIR=${PG_DIR:-/tmp/tribune-pg}
PG_PORT=${PG_PORT:-5433}
PG_USER=${PG_USER:-tribune}
PG_PASSWORD=${PG_PASSWORD:-tribune}
DATA=$PG_DIR/data

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

install() {
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
}

# PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
as_pg() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    sudo -u postgres "$@"
  fi
}

psql_admin() {
  as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -d postgres "$@"
}

start() {
  install
  if [ ! -f "$DATA/PG_VERSION" ]; then
    $SUDO mkdir -p "$PG_DIR"
    $SUDO chown postgres:postgres "$PG_DIR"
    as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    # Loopback only; small shared memory (the machine is shared); enough connections for two
    # instances with their pools plus the tests.
    as_pg "$BIN/pg_ctl" -D "$DATA" -l "$PG_DIR/postgresql.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=200 -c shared_buffers=128MB -c fsync=${PG_FSYNC:-on}" >/dev/null
  fi
  psql_admin -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
        CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD';
      END IF; END \$\$;"
  for db in "${@:-tribune}"; do
    if [ -z "$(psql_admin -tA -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
      psql_admin -c "CREATE DATABASE $db OWNER $PG_USER"
    fi
  done
  echo "PostgreSQL on 127.0.0.1:$PG_PORT (data $DATA, role $PG_USER)"
}

stop() {
  install
  if [ -f "$DATA/PG_VERSION" ]; then
    as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

case "${1:-start}" in
  start) shift || true; start "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 start [database...] | stop" >&2; exit 2 ;;
esac
