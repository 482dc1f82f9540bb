#!/usr/bin/env bash
# The analytics benchmark (not a test): `encaptio.sh bench analytics [EVENTS]`, EVENTS visitor
# events (default 1,000,000) in acme. On a server of its own (bench-server.sh: port 9082, database
# encaptio_bench, dropped before and after) it writes the events straight into acme's schema, lets
# the roll-up job count them all again, signs an analyst in through Keycloak in headless Chromium
# and times, in one run (ear/src/test/java/bench/AnalyticsBench.java): the Analytics page for the
# organization and for one capsule, the same report through the API, and what recording its two
# analytics events adds to an answer's transaction (with and without, alternating).
# Results: liberty-config/bench-analytics-results.md (README quotes them).
set -euo pipefail
EVENTS="${1:-1000000}"
OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bench-analytics-results.md"
WORK="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.run/bench-analytics"
source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"

export ENCAPTIO_ANALYTICS_ROLLUP_INTERVAL_SECONDS=10 ENCAPTIO_ANALYTICS_ROLLUP_IDLE_MINUTES=0.17
"$SCRIPTS/chromium.sh" install
prepare_bench_server
trap 'stop_bench_server; drop_database || true' EXIT
start_bench_server 3
log "writing $EVENTS analytics events, rolling them up and timing the analytics page"
bench_java bench.AnalyticsBench "$EVENTS"

field() { grep "timer=$1 " "$WORK/analytics.txt" | grep -o "$2=[^ ]*" | cut -d= -f2; }
row() { echo "| $2 | $(field "$1" p50_ms) | $(field "$1" p95_ms) | $(field "$1" max_ms) |"; }
without=$(field answer_tx_without_events p95_ms)
with=$(field answer_tx_with_events p95_ms)
{
  echo "# Encaptio analytics benchmark"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)."
  echo "Command: \`liberty-config/scripts/encaptio.sh bench analytics $EVENTS\`; $(head -1 "$WORK/analytics.txt" | tr ' ' ',')"
  echo "(rebuild_s: the roll-up job counting every event again, as after an import)."
  echo "Loopback, request to last byte, signed-in analyst; every request a different range (7 to 90 days"
  echo "ending on a different day of the last year), 300 timed after 30 warm-up requests."
  echo
  echo "| what | p50 ms | p95 ms | max ms |"
  echo "|---|---|---|---|"
  row page_organization "Analytics page, the organization (20 capsules)"
  row page_capsule "Analytics page, one capsule"
  row api_organization "GET /api/v1/analytics, the organization"
  row answer_tx_without_events "an answer's transaction (question and answer rows), without analytics events"
  row answer_tx_with_events "the same with its two analytics events"
  row event_inserts "the two event INSERTs alone (into the table of $EVENTS events)"
  echo
  echo "Recording adds $(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.3f", a - b }') ms to an answer's"
  echo "transaction at p95 (with minus without, the same run, 2,000 of each alternating; SQL through JDBC,"
  echo "the statements the chat path's JPA flush sends)."
} >"$OUT"
cat "$OUT"
