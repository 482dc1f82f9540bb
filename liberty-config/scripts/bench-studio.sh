#!/usr/bin/env bash
# The studio benchmark (not a test): `encaptio.sh bench studio [N]`, N capsules (default 1000) in
# acme. On a server of its own (bench-server.sh) it creates the capsules through the API, signs an
# editor in through Keycloak in headless Chromium, and times the studio pages as the server renders
# them (ear/src/test/java/bench/StudioBench.java): the capsules list and random capsule editors.
# Results: liberty-config/bench-studio-results.md (README quotes them).
set -euo pipefail
COUNT="${1:-1000}"
OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bench-studio-results.md"
WORK="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.run/bench-studio"
source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"

"$SCRIPTS/chromium.sh" install
prepare_bench_server
trap 'stop_bench_server; drop_database || true' EXIT
start_bench_server 3
log "creating $COUNT capsules and timing the studio pages"
bench_java bench.StudioBench "$COUNT"

value() { grep "page=$1 " "$WORK/studio.txt" | grep -o "$2=[^ ]*" | cut -d= -f2; }
{
  echo "# Encaptio studio benchmark"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)."
  echo "Command: \`liberty-config/scripts/encaptio.sh bench studio $COUNT\`; $(head -1 "$WORK/studio.txt" | tr ' ' ',') (signed-in editor, loopback, request to last byte)."
  echo
  echo "| page | p50 ms | p95 ms | max ms |"
  echo "|---|---|---|---|"
  echo "| capsules list (lazy table, first page of 20) | $(value list p50_ms) | $(value list p95_ms) | $(value list max_ms) |"
  echo "| capsule editor (a random capsule) | $(value editor p50_ms) | $(value editor p95_ms) | $(value editor max_ms) |"
} >"$OUT"
cat "$OUT"
