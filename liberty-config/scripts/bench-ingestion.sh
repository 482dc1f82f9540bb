#!/usr/bin/env bash
# The ingestion benchmark (not a test): `encaptio.sh bench ingestion [MODEL]` (MODEL: the
# capsule's embedding model, default the product's default). On a server of its own
# (bench-server.sh) it ingests the whole SciFact corpus (../shared/eval/scifact, 5,183 abstracts,
# one Markdown section each) as one upload through the API and times it end to end (parse, chunk,
# embed, store); then, in the same run, it embeds the very same chunk inputs with the same model
# called directly (raw), and reports end-to-end chunks/s over raw chunks/s.
# Results: liberty-config/bench-ingestion-results.md (README quotes them).
set -euo pipefail
OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bench-ingestion-results.md"
WORK="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.run/bench-ingestion"
source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"

CORPUS="$(scifact_dir)/corpus.jsonl.gz"

prepare_bench_server
trap 'stop_bench_server; drop_database || true' EXIT
start_bench_server 3

log "ingesting SciFact through the API (a few minutes)"
bench_java bench.IngestionBench server "$CORPUS" ${1:+"$1"}
stop_bench_server
log "embedding the same chunks with the model called directly"
bench_java bench.IngestionBench raw

value() { grep -o "$2=[^ ]*" "$WORK/$1.txt" | cut -d= -f2; }
{
  echo "# Encaptio ingestion benchmark"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)."
  echo "Command: \`liberty-config/scripts/encaptio.sh bench ingestion${1:+ $1}\`; model $(value server model), both sides in one run."
  echo
  echo "| | chunks | seconds | chunks/s |"
  echo "|---|---|---|---|"
  echo "| SciFact ($(value server documents) abstracts) uploaded, parsed, chunked, embedded, stored | $(value server chunks) | $(value server seconds) | $(value server chunks_per_second) |"
  echo "| the same chunk inputs, model called directly | $(value raw chunks) | $(value raw seconds) | $(value raw chunks_per_second) |"
  echo
  echo "End to end / raw: $(awk -v a="$(value server chunks_per_second)" -v b="$(value raw chunks_per_second)" 'BEGIN { printf "%.2f", a / b }')."
} >"$OUT"
cat "$OUT"
