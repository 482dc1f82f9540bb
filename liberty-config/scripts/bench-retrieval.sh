#!/usr/bin/env bash
# The retrieval evaluation (not a test): `encaptio.sh bench retrieval [MODEL]`. On a server of its
# own (bench-server.sh) it ingests SciFact (../shared/eval/scifact) into a capsule through the API,
# then searches every claim through the editors' search endpoint (ear/src/test/java/bench/
# RetrievalBench.java): fusion tuned on the 809 train claims, nDCG@10 and Recall@100 of vector,
# keyword and hybrid retrieval reported on the 300 test claims.
# ENCAPTIO_BENCH_REUSE=1 keeps the database and the ingested capsule of the last run (to evaluate
# again without ingesting for ten minutes); without it both are made afresh and dropped at the end.
# Results: liberty-config/bench-retrieval-results.md (README quotes them).
set -euo pipefail
OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bench-retrieval-results.md"
WORK="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.run/bench-retrieval"
source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"

SCIFACT="$(scifact_dir)"

prepare_reusable_bench_server capsule.txt
start_bench_server 3
if [[ ! -f "$WORK/capsule.txt" ]]; then
  log "ingesting SciFact through the API (about ten minutes)"
  bench_java bench.RetrievalBench ingest "$SCIFACT" ${1:+"$1"}
fi
log "searching every train and test claim (several minutes)"
bench_java bench.RetrievalBench evaluate "$SCIFACT" "$OUT"
