#!/usr/bin/env bash
# Several instances on one PostgreSQL (docs/operations.md, "Several instances"). Starts PostgreSQL
# (ci/postgres.sh, 127.0.0.1 only) with an emptied database, two copies of the packaged server on
# different ports, started at the same moment (so they race to migrate and to create the first
# admin, as a real roll-out would), and nginx from Debian as a round-robin balancer without sticky
# sessions; then runs the two-instance suite (src/test/java/org/tribune/cluster/*ClusterIT.java)
# against them. Stops the servers and nginx afterwards; PostgreSQL keeps running (ci/postgres.sh
# stop).
#
#   ci/multi-instance.sh                # builds first; SKIP_BUILD=1 reuses target/
set -euo pipefail
cd "$(dirname "$0")/.."

PORT_A=${PORT_A:-9681}
PORT_B=${PORT_B:-9682}
PORT_LB=${PORT_LB:-9683}
HTTPS_A=${HTTPS_A:-9447}
HTTPS_B=${HTTPS_B:-9448}
export PG_PORT=${PG_PORT:-5433}
DB=${DB:-tribune_multi}
DB_USER=${PG_USER:-tribune}
DB_PASSWORD=${PG_PASSWORD:-tribune}
ADMIN_EMAIL=admin@tribune.test           # the suite signs in as the admin of the test overlay
ADMIN_PASSWORD=it-admin-password-1
WORK=$(pwd)/target/multi
WLP=target/liberty/wlp
SERVER=$WLP/bin/server
NAMES=(tribuneMultiA tribuneMultiB)

mkdir -p "$WORK"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B -ntp -DskipTests package liberty:create liberty:deploy
fi
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt"
CP=target/classes:target/test-classes:$(cat "$WORK/cp.txt")

if ! command -v nginx >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
fi

bash ci/postgres.sh start "$DB"
URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$DB
java -cp "$CP" org.tribune.testsupport.FreshDatabase "$URL" "$DB_USER" "$DB_PASSWORD"

# Two servers: copies of the packaged server, each with its own logs and work area.
for name in "${NAMES[@]}"; do
  rm -rf "$WLP/usr/servers/$name"
  cp -r "$WLP/usr/servers/tribune" "$WLP/usr/servers/$name"
  rm -rf "$WLP/usr/servers/$name/logs" "$WLP/usr/servers/$name/workarea"
  echo "-Xmx512m" >> "$WLP/usr/servers/$name/jvm.options"
done

nginx_ctl() { nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" "$@"; }
cleanup() {
  for name in "${NAMES[@]}"; do $SERVER stop "$name" >/dev/null 2>&1 || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && nginx_ctl -s quit 2>/dev/null || true
}
trap cleanup EXIT

# The same configuration a deployment would use, by environment variables only. Instance A is
# given a JDBC URL, instance B host, port and database name: both ways of configuring work. Each
# has a data directory of its own (as on separate machines); the ledger's signing key is the one
# shared secret they are both given.
LEDGER_KEY=$(java -cp "$CP" org.tribune.testsupport.NewLedgerKey)
rm -rf "$WORK/data-a" "$WORK/data-b"
common=(TRIBUNE_DB_KIND=postgresql TRIBUNE_DB_USER="$DB_USER" TRIBUNE_DB_PASSWORD="$DB_PASSWORD"
        TRIBUNE_ADMIN_EMAIL=$ADMIN_EMAIL TRIBUNE_ADMIN_PASSWORD=$ADMIN_PASSWORD TRIBUNE_DB_POOL_SIZE=20
        TRIBUNE_LEDGER_SIGNING_KEY="$LEDGER_KEY" HTTP_HOST=127.0.0.1)
env "${common[@]}" TRIBUNE_DB_URL="$URL" HTTP_PORT=$PORT_A HTTPS_PORT=$HTTPS_A \
  TRIBUNE_DATA_DIR="$WORK/data-a" \
  TRIBUNE_PLATFORM_INSTANCE_ID=instance-a $SERVER start "${NAMES[0]}" >/dev/null &
env "${common[@]}" TRIBUNE_DB_HOST=127.0.0.1 TRIBUNE_DB_PORT="$PG_PORT" TRIBUNE_DB_NAME="$DB" \
  HTTP_PORT=$PORT_B HTTPS_PORT=$HTTPS_B TRIBUNE_DATA_DIR="$WORK/data-b" \
  TRIBUNE_PLATFORM_INSTANCE_ID=instance-b $SERVER start "${NAMES[1]}" >/dev/null &
wait

ready() { curl -fs "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$1/api/v1/ping" >/dev/null 2>&1; }
for i in $(seq 1 600); do
  ready $PORT_A && ready $PORT_B && break
  sleep 1
done
if ! (ready $PORT_A && ready $PORT_B); then
  echo "the instances did not start"
  for name in "${NAMES[@]}"; do tail -40 "$WLP/usr/servers/$name/logs/messages.log" || true; done
  exit 1
fi
echo "instances up: A on $PORT_A, B on $PORT_B"

# nginx: round robin over both, no stickiness; names the answering instance in a header.
mkdir -p "$WORK/nginx/tmp" && chmod 1777 "$WORK/nginx/tmp"
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  upstream tribune {
    server 127.0.0.1:$PORT_A;
    server 127.0.0.1:$PORT_B;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$PORT_LB;
    client_max_body_size 1m;
    location / {
      proxy_pass http://tribune;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      add_header X-Tribune-Upstream \$upstream_addr always;
    }
  }
}
EOF
nginx_ctl -t -q
nginx_ctl
echo "nginx balancing on 127.0.0.1:$PORT_LB"

status=0
./mvnw -B -ntp failsafe:integration-test failsafe:verify -Dit.test='*ClusterIT' \
  -Dtribune.cluster.a="http://127.0.0.1:$PORT_A/" -Dtribune.cluster.b="http://127.0.0.1:$PORT_B/" \
  -Dtribune.cluster.lb="http://127.0.0.1:$PORT_LB/" -Dtribune.it.http-version=HTTP_1_1 || status=$?

# Both instances migrated the one schema once, and both ran.
PGPASSWORD=$DB_PASSWORD psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d "$DB" -tA \
  -c 'SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank' \
  | sed 's/^/  migration /' || true
if [ $status -ne 0 ]; then
  for name in "${NAMES[@]}"; do
    echo "== $name: warnings and errors"
    grep -E " [EW] " "$WLP/usr/servers/$name/logs/messages.log" | tail -20 || true
  done
fi
exit $status
