#!/usr/bin/env bash
# The 1,000-tenant benchmark (not a test): `encaptio.sh bench tenants [COUNT]`, COUNT default 1000.
# Runs its own server (port 9082, database encaptio_bench, dropped before and after) beside
# nothing else of this checkout, and the shared Keycloak, from which it removes what it added.
#   1. start-up with the 3 demo tenants: run command → ready, and → background schema check done
#   2. routing: the same tenant read (GET /api/v1/people as alice of acme) on the freshly started
#      server, after the same warm-up each time, median latency
#   3. heap after a full GC (jcmd) with the demo tenants, having served them; the two ways of
#      routing SQL to a schema (qualified names vs SET LOCAL search_path) side by side over JDBC
#   4. provision COUNT tenants through the operators' API: per tenant, Encaptio's steps (registry,
#      schema, migrations, activation) and Keycloak's (organization, owner) as the server timed them
#   5. every tenant serves a read of its own schema to a member of its organization
#   6. heap after a full GC again; start-up again with COUNT + 3 tenants, and on that freshly
#      started server the same routing measurement as in 2, so both servers are equally warm
# Results: liberty-config/bench-tenants-results.md (README quotes them).
set -euo pipefail
COUNT="${1:-1000}"
OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bench-tenants-results.md"
WORK="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.run/bench-tenants"
source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"

driver() {  # driver PHASE ARGS: the Java side (ear/src/test/java/bench/TenantScaleBench.java)
  bench_java bench.TenantScaleBench "$@"
}

heap_mb() {  # used heap after a full GC, in MB
  local pid; pid=$(pgrep -f "ws-server.jar encaptio" | head -1)
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | awk '{ printf "%.0f", $2 / 1024 }'
}

# Starts the server, waits for ready and for the background check of every tenant schema.
# Appends "seconds-to-ready seconds-to-schemas-checked liberty-start-seconds" to $WORK/starts-$1.
timed_start() {
  local expected="$1"
  liberty_running && "$WLP/bin/server" stop encaptio >/dev/null
  : >"$MESSAGES" 2>/dev/null || true
  local start; start=$(date +%s.%N)
  "$WLP/bin/server" start encaptio >/dev/null
  wait_for 300 ready || die "not ready after 300 s: $MESSAGES"
  local at_ready; at_ready=$(date +%s.%N)
  wait_for 600 grep -q 'Tenant schema migration finished' "$MESSAGES" || die "schemas not checked: $MESSAGES"
  local at_checked; at_checked=$(date +%s.%N)
  wait_for 120 enough_tenants "$expected" || die "fewer than $expected active tenants"
  local liberty; liberty=$(grep -o 'server started in [0-9.]* seconds' "$MESSAGES" | tail -1 | grep -o '[0-9.]*')
  awk -v s="$start" -v r="$at_ready" -v c="$at_checked" -v l="$liberty" \
    'BEGIN { printf "%.1f %.1f %s\n", r - s, c - s, l }' >>"$WORK/starts-$expected"
}

best_of_two_starts() {  # the faster of two starts (the second finds warm file caches)
  timed_start "$1"; timed_start "$1"
  sort -n "$WORK/starts-$1" | head -1
}

prepare_bench_server
driver cleanup  # leftovers of an interrupted earlier run
trap 'liberty_running && "$WLP/bin/server" stop encaptio >/dev/null; driver cleanup || true; drop_database || true' EXIT

log "start-up with the demo tenants"
best_of_two_starts 3 >"$WORK/start-small"
read -r ready_1 checked_1 liberty_1 <"$WORK/start-small"
log "routing and heap with the demo tenants"
driver routing before
heap_before=$(heap_mb)
log "schema-qualified statements vs SET LOCAL search_path, one connection"
bench_java bench.SchemaRoutingBench

log "provisioning $COUNT tenants (progress every 100)"
provision_start=$(date +%s)
driver provision "$COUNT"
provision_wall=$(( $(date +%s) - provision_start ))
log "serving a request in every tenant"
driver serve "$COUNT"
heap_after=$(heap_mb)

log "start-up with $COUNT more tenants"
best_of_two_starts $((COUNT + 3)) >"$WORK/start-large"
read -r ready_n checked_n liberty_n <"$WORK/start-large"
log "routing with $COUNT more tenants"
driver routing after

stats() {  # stats COLUMN: median and p95 of a provision.csv column
  tail -n +2 "$WORK/provision.csv" | cut -d, -f"$1" | sort -n |
    awk '{ v[NR] = $1 } END { printf "%d %d\n", v[int((NR + 1) / 2)], v[int(NR * 0.95 + 0.5)] }'
}
read -r platform_median platform_p95 < <(stats 3)
read -r keycloak_median keycloak_p95 < <(stats 4)
read -r client_median client_p95 < <(stats 2)
timed=$(( $(wc -l <"$WORK/provision.csv") - 1 ))
median_of() { grep -o 'median_us=[0-9]*' "$WORK/routing-$1.txt" | cut -d= -f2; }
routing_before=$(median_of before); routing_after=$(median_of after)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

{
  echo "# Encaptio 1,000-tenant benchmark"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)."
  echo "Command: \`liberty-config/scripts/encaptio.sh bench tenants $COUNT\`; its own server and database,"
  echo "Keycloak shared (what it added is removed). Every figure comes from this one run."
  echo
  echo "## Provisioning $COUNT tenants ($timed timed, one after another, $provision_wall s in all)"
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
  echo "| tenant read \`GET /api/v1/people\`, median (µs) | $routing_before | $routing_after | $(ratio "$routing_after" "$routing_before") |"
  echo "| used heap after full GC, every tenant served (MB) | $heap_before | $heap_after | +$((heap_after - heap_before)) MB |"
  echo "| start command → ready (s) | $ready_1 | $ready_n | $(ratio "$ready_n" "$ready_1") |"
  echo "| Liberty's own \"server started in\" (s) | $liberty_1 | $liberty_n | $(ratio "$liberty_n" "$liberty_1") |"
  echo "| start command → every tenant schema checked (s) | $checked_1 | $checked_n | $(ratio "$checked_n" "$checked_1") |"
  echo
  echo "Routing, each on a freshly started server after the same warm-up: $(cat "$WORK/routing-before.txt") with"
  echo "3 tenants; $(cat "$WORK/routing-after.txt") with $((COUNT + 3))."
  echo
  echo "Routing choice (TenantEntityManager): $(cat "$WORK/routing-sql.txt")"
  echo "(one transaction = one read by key; ratio = search_path / schema-qualified; JDBC, no server)"
  echo
  echo "Start-ups: the faster of two each. Schemas whose recorded version is this build's latest are"
  echo "not handed to Flyway again at start; the others are migrated in the background, a few at a time."
} >"$OUT"
cat "$OUT"
