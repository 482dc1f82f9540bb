#!/usr/bin/env bash
# The tenant-scale benchmark (not a test): `encaptio.sh bench tenants [COUNT]`, COUNT default 1000.
# Runs its own server (port 9082) and its own Keycloak (port 8182, state in $WORK/keycloak, so
# thousands of organizations stay out of the Keycloak that development and the tests share) beside
# nothing else of this checkout. Two databases: encaptio_bench_tenants gets the COUNT tenants,
# encaptio_bench_tenants_small only the 3 demo tenants, with a Keycloak of its own that knows only
# the demo organizations (port 8183; the server registers every organization it finds there).
#   1. provision COUNT tenants through the operators' API, ENCAPTIO_BENCH_CLIENTS (3) requests side
#      by side: per tenant, Encaptio's steps (registry, schema, migrations, activation) and
#      Keycloak's (organization, owner) as the server timed them
#   2. every tenant serves a read of its own schema to a member of its organization; then the heap
#      after a full GC (jcmd), on the server that served them all (ENCAPTIO_BENCH_SERVE=0 skips
#      this; the large server's heap is then read after its start-ups and read, like the small one's)
#   3. side by side, at the end: the server started twice on the small database (run command →
#      ready, and → background schema check done), after each start and its first synchronisation
#      with Keycloak the same tenant read (GET /api/v1/capsules as alice of acme: token check,
#      tenant look-up, a query in the tenant's schema) after the same warm-up, the heap after a
#      full GC; the two ways of routing SQL to a schema (qualified names vs SET LOCAL search_path)
#      over JDBC; then started twice on the large database and the same reads. Only this part
#      needs a machine doing nothing else.
# Results: liberty-config/bench-tenants-results.md (README quotes them).
# With ENCAPTIO_BENCH_REUSE=1 the run can be interrupted and started again with the same command:
# the large database and Keycloak's state are kept, and provisioning goes on from the first tenant
# not made yet (serving always covers every tenant, so the heap is read on a server that served them
# all); without it every run starts afresh and removes what it made at the end.
set -euo pipefail
COUNT="${1:-1000}"
CLIENTS="${ENCAPTIO_BENCH_CLIENTS:-3}"  # operators' clients provisioning and served side by side
OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bench-tenants-results.md"
WORK="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.run/bench-tenants"
export KEYCLOAK_PORT=8182 KEYCLOAK_MANAGEMENT_PORT=9002
export KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
export BENCH_KEYCLOAK_STATE="$WORK/keycloak"
source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"

driver() {  # driver PHASE ARGS: the Java side (ear/src/test/java/bench/TenantScaleBench.java)
  bench_java -Dbench.clients="$CLIENTS" bench.TenantScaleBench "$@"
}
bench_keycloak() { ENCAPTIO_STATE="$BENCH_KEYCLOAK_STATE" "$SCRIPTS/keycloak.sh" "$@"; }

heap_mb() {  # used heap after a full GC, in MB
  local pid; pid=$(pgrep -f "ws-server.jar encaptio( |$)" | head -1)
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | awk '{ printf "%.0f", $2 / 1024 }'
}

# Starts the server, waits for ready and for the background check of every tenant schema.
# Appends "seconds-to-ready seconds-to-schemas-checked liberty-start-seconds" to $WORK/starts-$1.
timed_start() {
  local expected="$1"
  stop_bench_server
  : >"$MESSAGES" 2>/dev/null || true
  local start; start=$(date +%s.%N)
  "$WLP/bin/server" start encaptio >/dev/null
  wait_for 300 ready || die "not ready after 300 s: $MESSAGES"
  local at_ready; at_ready=$(date +%s.%N)
  wait_for 600 grep -q 'Tenant schema migration finished' "$MESSAGES" || die "schemas not checked: $MESSAGES"
  local at_checked; at_checked=$(date +%s.%N)
  wait_for 120 enough_tenants "$expected" || die "fewer than $expected active tenants"
  # the first synchronisation with Keycloak after a start lists every organization (seconds at
  # 10,000): the reads are measured after it, as most of a server's life is
  wait_for 300 grep -q 'synchronised with the identity provider' "$MESSAGES" ||
    die "no synchronisation with Keycloak: $MESSAGES"
  local liberty; liberty=$(grep -o 'server started in [0-9.]* seconds' "$MESSAGES" | tail -1 | grep -o '[0-9.]*')
  awk -v s="$start" -v r="$at_ready" -v c="$at_checked" -v l="$liberty" \
    'BEGIN { printf "%.1f %.1f %s\n", r - s, c - s, l }' >>"$WORK/starts-$expected"
}

# best_of_two_starts COUNT LABEL: the faster of two starts (the second finds warm file caches);
# the tenant read is measured after each (routing-LABEL-1.txt, routing-LABEL-2.txt)
best_of_two_starts() {
  rm -f "$WORK/starts-$1"
  timed_start "$1"; driver routing "$2-1" >&2
  timed_start "$1"; driver routing "$2-2" >&2
  sort -n "$WORK/starts-$1" | head -1
}

bench_tenants() {  # bench tenants in the large database (0 before its platform schema exists)
  app_psql -d "$LARGE_DB" -c "select count(*) from platform.tenants where slug like 'bench-%'" 2>/dev/null || echo 0
}
first_not_active() {  # first_not_active COUNT: the lowest tenant number not provisioned yet
  app_psql -d "$LARGE_DB" -c "select coalesce(min(i), $1 + 1) from generate_series(1, $1) i
    where not exists (select 1 from platform.tenants where status = 'active'
      and slug = 'bench-' || case when i < 10000 then lpad(i::text, 4, '0') else i::text end)" \
    2>/dev/null || echo 1
}

LARGE_DB=encaptio_bench_tenants
SMALL_DB=encaptio_bench_tenants_small
use_database() { export ENCAPTIO_DB_NAME="$1" ENCAPTIO_TEST_DB_NAME="$1"; }
use_database "$LARGE_DB"
LARGE_KEYCLOAK_STATE="$BENCH_KEYCLOAK_STATE"
SMALL_KEYCLOAK_STATE="$WORK/keycloak-small"
use_keycloak() {  # use_keycloak large|small: the Keycloak the next server start and the driver use
  if [[ "$1" == small ]]; then
    export BENCH_KEYCLOAK_STATE="$SMALL_KEYCLOAK_STATE" KEYCLOAK_PORT=8183 KEYCLOAK_MANAGEMENT_PORT=9003
  else
    export BENCH_KEYCLOAK_STATE="$LARGE_KEYCLOAK_STATE" KEYCLOAK_PORT=8182 KEYCLOAK_MANAGEMENT_PORT=9002
  fi
  export KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
}

finish() {
  set +e
  stop_bench_server
  use_keycloak small; bench_keycloak stop >/dev/null 2>&1; rm -rf "$SMALL_KEYCLOAK_STATE"
  use_keycloak large; bench_keycloak stop >/dev/null 2>&1
  use_database "$SMALL_DB"; drop_database
  if [[ -z "${ENCAPTIO_BENCH_REUSE:-}" ]]; then
    use_database "$LARGE_DB"; drop_database
    rm -rf "$LARGE_KEYCLOAK_STATE"
  fi
}

if [[ -n "${ENCAPTIO_BENCH_REUSE:-}" && -d "$BENCH_KEYCLOAK_STATE" ]]; then
  prepare_bench_server keep
else
  bench_keycloak stop >/dev/null 2>&1 || true  # an earlier run's, interrupted
  prepare_bench_server
fi
trap finish EXIT
trap 'exit 130' INT TERM
log "$(bench_tenants) bench tenants provisioned so far"
start_bench_server 3

have=$(bench_tenants)
first=$(first_not_active "$COUNT")  # the ones after it that exist are asked for again, untimed
log "provisioning tenants $first to $COUNT, $CLIENTS clients side by side (progress every 100)"
provision_start=$(date +%s)
driver provision "$first" "$COUNT"
if (( have < COUNT )); then
  echo $(( $(date +%s) - provision_start )) >>"$WORK/provision-seconds"
fi
provision_wall=$(awk '{ s += $1 } END { print s }' "$WORK/provision-seconds")
provision_runs=$(wc -l <"$WORK/provision-seconds")
# ENCAPTIO_BENCH_SERVE=0 skips serving every tenant (at 10,000 tenants it takes over an hour of
# Keycloak's token and membership calls); the large server's heap is then read after its start-ups
# and the read, and the results say so.
if [[ "${ENCAPTIO_BENCH_SERVE:-1}" != 0 ]]; then
  log "serving a request in every tenant"
  driver serve "$COUNT"
  heap_after=$(heap_mb)
  heap_label="every tenant served"
else
  log "serving every tenant skipped (ENCAPTIO_BENCH_SERVE=0)"
  heap_after=""
  heap_label="after start-up and the read; tenants not each served"
fi

log "side by side: start-up, routing and heap with the demo tenants alone (database $SMALL_DB)"
stop_bench_server
use_keycloak small
rm -rf "$SMALL_KEYCLOAK_STATE"
bench_keycloak start
use_database "$SMALL_DB"
drop_database
"$SCRIPTS/postgres.sh" start >/dev/null
best_of_two_starts 3 before >"$WORK/start-small"
read -r ready_1 checked_1 liberty_1 <"$WORK/start-small"
heap_before=$(heap_mb)
log "schema-qualified statements vs SET LOCAL search_path, one connection"
bench_java bench.SchemaRoutingBench
stop_bench_server
bench_keycloak stop >/dev/null
log "side by side: start-up and routing with $COUNT more tenants (database $LARGE_DB)"
use_keycloak large
use_database "$LARGE_DB"
best_of_two_starts $((COUNT + 3)) after >"$WORK/start-large"
read -r ready_n checked_n liberty_n <"$WORK/start-large"
[[ -n "$heap_after" ]] || heap_after=$(heap_mb)

stats() {  # stats COLUMN: median and p95 of a provision.csv column
  tail -n +2 "$WORK/provision.csv" | cut -d, -f"$1" | sort -n |
    awk '{ v[NR] = $1 } END { printf "%d %d\n", v[int((NR + 1) / 2)], v[int(NR * 0.95 + 0.5)] }'
}
read -r platform_median platform_p95 < <(stats 3)
read -r keycloak_median keycloak_p95 < <(stats 4)
read -r client_median client_p95 < <(stats 2)
timed=$(( $(wc -l <"$WORK/provision.csv") - 1 ))
median_of() {  # median_of LABEL: the mean of the read's medians after the two starts
  cat "$WORK/routing-$1-1.txt" "$WORK/routing-$1-2.txt" | grep -o 'median_us=[0-9]*' | cut -d= -f2 |
    awk '{ s += $1 } END { printf "%.0f", s / NR }'
}
routing_before=$(median_of before); routing_after=$(median_of after)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

{
  echo "# Encaptio $COUNT-tenant benchmark"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)."
  echo "Command: \`liberty-config/scripts/encaptio.sh bench tenants $COUNT\`; its own server, databases"
  echo "and Keycloak. Every figure comes from this run$( (( provision_runs > 1 )) && echo \
    ", whose provisioning was interrupted and resumed ($provision_runs parts, ENCAPTIO_BENCH_REUSE=1)")."
  echo "The start-ups and reads of both databases ran one after the other at the end."
  echo
  echo "## Provisioning $COUNT tenants ($timed timed, $CLIENTS operators' clients side by side, $provision_wall s in all)"
  echo
  echo "| per tenant | median (ms) | p95 (ms) |"
  echo "|---|---|---|"
  echo "| Encaptio's steps: registry, schema, migrations, activation | $platform_median | $platform_p95 |"
  echo "| Keycloak's steps: organization, owner invited | $keycloak_median | $keycloak_p95 |"
  echo "| whole request, as the operator's client saw it | $client_median | $client_p95 |"
  echo
  echo "## Routing, heap and start-up: 3 demo tenants vs $((COUNT + 3)) tenants"
  echo
  echo "| measure | 3 tenants | $((COUNT + 3)) tenants | ratio |"
  echo "|---|---|---|---|"
  echo "| tenant read \`GET /api/v1/capsules\`, median (µs), mean of two starts | $routing_before | $routing_after | $(ratio "$routing_after" "$routing_before") |"
  echo "| used heap after full GC, $heap_label (MB) | $heap_before | $heap_after | $(printf "%+d" $((heap_after - heap_before))) MB |"
  echo "| start command → ready (s) | $ready_1 | $ready_n | $(ratio "$ready_n" "$ready_1") |"
  echo "| Liberty's own \"server started in\" (s) | $liberty_1 | $liberty_n | $(ratio "$liberty_n" "$liberty_1") |"
  echo "| start command → every tenant schema checked (s) | $checked_1 | $checked_n | $(ratio "$checked_n" "$checked_1") |"
  echo
  echo "Routing, on each of two freshly started servers after their first synchronisation with Keycloak"
  echo "and the same warm-up: $(cat "$WORK/routing-before-1.txt"); $(cat "$WORK/routing-before-2.txt") with"
  echo "3 tenants; $(cat "$WORK/routing-after-1.txt"); $(cat "$WORK/routing-after-2.txt") with $((COUNT + 3))."
  echo
  echo "Routing choice (TenantEntityManager): $(cat "$WORK/routing-sql.txt")"
  echo "(one transaction = one read by key; ratio = search_path / schema-qualified; JDBC, no server)"
  echo
  echo "Start-ups: the faster of two each. Schemas whose recorded version is this build's latest are"
  echo "not handed to Flyway again at start; the others are migrated in the background, a few at a time."
} >"$OUT"
cat "$OUT"
