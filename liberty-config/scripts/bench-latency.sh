#!/usr/bin/env bash
# The retrieval latency benchmark (not a test): `encaptio.sh bench latency [CHUNKS]`. On a server of
# its own (bench-server.sh) it ingests SciFact through the API and grows the capsule to CHUNKS
# chunks (default 100,000) by copying its items (bench/LatencyBench.java), then times, for the 300
# SciFact test claims, retrieval (query embedding + hybrid SQL) and the extractive answer with the
# server's stage clocks, and the very same SQL statements from psql in the same run.
# ENCAPTIO_BENCH_REUSE=1 keeps the database and the prepared capsule for the next run.
# Results: liberty-config/bench-latency-results.md (README quotes them).
set -euo pipefail
OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bench-latency-results.md"
WORK="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.run/bench-latency"
source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"

SCIFACT="$(scifact_dir)"

prepare_reusable_bench_server capsule.txt
start_bench_server 3
if [[ ! -f "$WORK/capsule.txt" ]]; then
  log "ingesting SciFact and growing the capsule to ${1:-100000} chunks (about fifteen minutes)"
  bench_java bench.LatencyBench prepare "$SCIFACT" "${1:-100000}"
fi
log "timing the 300 test claims through the API and the same SQL from psql"
bench_java bench.LatencyBench measure "$SCIFACT" "$OUT"
