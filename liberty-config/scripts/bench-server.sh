#!/usr/bin/env bash
# Shared by the benchmarks that need a server of their own (sourced, never executed): port 9082,
# database encaptio_bench (dropped before and after), the Java drivers in ear/src/test/java/bench.
# The caller sets WORK (its state directory) before sourcing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCRIPTS="$ENCAPTIO_ROOT/liberty-config/scripts"
WLP="$ENCAPTIO_ROOT/ear/target/liberty/wlp"
SERVER_DIR="$WLP/usr/servers/encaptio"
MESSAGES="$SERVER_DIR/logs/messages.log"

export ENCAPTIO_DB_NAME="encaptio_bench" ENCAPTIO_TEST_DB_NAME="encaptio_bench"
export ENCAPTIO_HTTP_PORT=9082 ENCAPTIO_HTTPS_PORT=9445
export ENCAPTIO_PUBLIC_URL="http://localhost:$ENCAPTIO_HTTP_PORT"

liberty_running() { [[ -x "$WLP/bin/server" ]] && "$WLP/bin/server" status encaptio >/dev/null 2>&1; }
ready() { curl -fs --max-time 5 "$ENCAPTIO_PUBLIC_URL/health/ready" | grep -q '"status":"UP"'; }
active_tenants() { app_psql -d "$ENCAPTIO_DB_NAME" -c "select count(*) from platform.tenants where status = 'active'"; }
enough_tenants() { (( $(active_tenants) >= $1 )); }
drop_database() {
  app_psql -d postgres -c "DROP DATABASE IF EXISTS $ENCAPTIO_DB_NAME WITH (FORCE)" >/dev/null
}

# Visitors' rate limits out of the way, for benchmarks that measure speed, not the limits.
raise_visitor_limits() {
  export ENCAPTIO_LIMITS_STARTER_VISITOR_MESSAGES=1000000 ENCAPTIO_LIMITS_STARTER_IP_MESSAGES=1000000
  export ENCAPTIO_LIMITS_STARTER_CAPSULE_MESSAGES=1000000 ENCAPTIO_LIMITS_STARTER_IP_REQUESTS=1000000
}

bench_java() {  # bench_java CLASS ARGS: a driver on the test class path
  "$JAVA_HOME/bin/java" -cp "$ENCAPTIO_ROOT/ear/target/test-classes:$(cat "$WORK/classpath")" \
    -Dbench.out="$WORK" "$@"
}

# Fresh database (kept with `prepare_bench_server keep`), PostgreSQL and Keycloak up, the build
# installed and the drivers' class path.
prepare_bench_server() {
  liberty_running && die "the development server of this checkout runs; stop it first (encaptio.sh stop)"
  if [[ "${1:-}" != keep ]]; then rm -rf "$WORK"; fi
  mkdir -p "$WORK"
  "$SCRIPTS/postgres.sh" start >/dev/null
  if [[ "${1:-}" != keep ]]; then drop_database; fi
  "$SCRIPTS/postgres.sh" start
  "$SCRIPTS/mail.sh" start  # provisioning and invitations send mail (Keycloak's and ours)
  # A benchmark may have a Keycloak of its own (BENCH_KEYCLOAK_STATE: its state directory, with
  # KEYCLOAK_PORT and KEYCLOAK_MANAGEMENT_PORT exported by the caller); otherwise the shared one.
  ENCAPTIO_STATE="${BENCH_KEYCLOAK_STATE:-$ENCAPTIO_STATE}" "$SCRIPTS/keycloak.sh" start
  log "building (tests compiled, not run)"
  (cd "$ENCAPTIO_ROOT" && mvn -B -q install -DskipTests && mvn -B -q -pl ear dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath") || die "the build failed"
}

# For benchmarks whose data takes long to make: with ENCAPTIO_BENCH_REUSE=1 the database and
# $WORK are kept between runs (the data is made again only when $WORK/MARKER is missing); without
# it both are made afresh and the database is dropped at the end.
prepare_reusable_bench_server() {  # prepare_reusable_bench_server MARKER
  if [[ -n "${ENCAPTIO_BENCH_REUSE:-}" && -f "$WORK/$1" ]]; then
    prepare_bench_server keep
  else
    prepare_bench_server
  fi
  if [[ -n "${ENCAPTIO_BENCH_REUSE:-}" ]]; then
    trap 'stop_bench_server' EXIT
  else
    trap 'stop_bench_server; drop_database || true' EXIT
  fi
}

start_bench_server() {  # start_bench_server EXPECTED_ACTIVE_TENANTS
  liberty_running && "$WLP/bin/server" stop encaptio >/dev/null
  "$WLP/bin/server" start encaptio >/dev/null
  wait_for 300 ready || die "not ready after 300 s: $MESSAGES"
  wait_for 120 enough_tenants "$1" || die "fewer than $1 active tenants"
}

stop_bench_server() {
  if liberty_running; then "$WLP/bin/server" stop encaptio >/dev/null; fi
}
