#!/usr/bin/env bash
# The rate limits' cost per answer, local counters against a two-node cluster's (benchmark, not a
# test): `encaptio.sh bench counters [ANSWERS]` (default 20,000 per side). Runs in one JVM with the
# ejb module's test class path (CounterBench; the cluster's nodes join over JGroups TCP on
# 127.0.0.1, LoopbackCluster), needs no server, database or Keycloak.
# Results: liberty-config/bench-counters-results.md (README quotes them).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUT="$ENCAPTIO_ROOT/liberty-config/bench-counters-results.md"
WORK="$ENCAPTIO_STATE/bench-counters"
ANSWERS="${1:-20000}"
mkdir -p "$WORK"
log "building tenancy and ejb with their tests (not run)"
(cd "$ENCAPTIO_ROOT" && mvn -B -q install -DskipTests -pl tenancy,ejb &&
  mvn -B -q -pl ejb dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/classpath") || die "the build failed"
log "measuring $ANSWERS answers on each side"
"$JAVA_HOME/bin/java" -Xmx1g \
  -cp "$ENCAPTIO_ROOT/ejb/target/test-classes:$ENCAPTIO_ROOT/ejb/target/classes:$(cat "$WORK/classpath")" \
  io.encaptio.infrastructure.cache.CounterBench "$ANSWERS" "$OUT"
log "results in $OUT"
