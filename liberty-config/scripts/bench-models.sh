#!/usr/bin/env bash
# The embedding-model benchmark (not a test): `encaptio.sh bench models [SAMPLE]`. No server: the
# driver (ear/src/test/java/bench/ModelBench.java) chunks a sample of SciFact (SAMPLE abstracts,
# default 2000, every abstract a train claim cites among them) with the product's chunker, embeds
# it with each candidate model side by side in one JVM, and scores retrieval on the 809 train
# claims (nDCG@10, Recall@100) and speed (chunks/s, abstracts/s).
# Results: liberty-config/bench-models-results.md (README quotes them).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUT="$ENCAPTIO_ROOT/liberty-config/bench-models-results.md"
WORK="$ENCAPTIO_ROOT/.run/bench-models"
SCIFACT="$(scifact_dir)"
mkdir -p "$WORK"
if [[ -n "${ENCAPTIO_SKIP_BUILD:-}" && -f "$WORK/classpath" ]]; then
  log "using the last build (ENCAPTIO_SKIP_BUILD)"
else
  log "building (tests compiled, not run)"
  (cd "$ENCAPTIO_ROOT" && mvn -B -q install -DskipTests && mvn -B -q -pl ear test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath") || die "the build failed"
fi
log "embedding and scoring (several minutes)"
"$JAVA_HOME/bin/java" -cp "$ENCAPTIO_ROOT/ear/target/test-classes:$(cat "$WORK/classpath")" \
  -Dbench.out="$WORK" bench.ModelBench "$SCIFACT" "${1:-2000}"
{
  echo "# Encaptio embedding-model benchmark"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)."
  echo "Command: \`liberty-config/scripts/encaptio.sh bench models ${1:-2000}\`; all models in one run, same inputs."
  echo
  head -1 "$WORK/models.txt"
  echo
  echo "| model | chunk tokens / overlap | chunks | chunks/s | abstracts/s | nDCG@10 | Recall@100 |"
  echo "|---|---|---|---|---|---|---|"
  tail -n +2 "$WORK/models.txt" | while read -r line; do
    v() { grep -o "$1=[^ ]*" <<<"$line" | cut -d= -f2; }
    echo "| $(v model) | $(v chunk_tokens) / $(v overlap) | $(v chunks) | $(v chunks_per_second) | $(v abstracts_per_second) | $(v ndcg10) | $(v recall100) |"
  done
} >"$OUT"
cat "$OUT"
