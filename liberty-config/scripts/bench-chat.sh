#!/usr/bin/env bash
# The public chat benchmark (not a test): `encaptio.sh bench chat [USERS] [SECONDS] [PAUSE]`. On a
# server of its own (bench-server.sh, loopback only) it publishes a capsule of known facts
# (bench/ChatBench.java) and runs Gatling three times (liberty-config/load, SECONDS each, default
# 60; each run stops by itself): USERS visitors at once (default 50) who take PAUSE seconds
# (default 1-4, drawn uniformly) to read an answer and type the next question, ten times as many
# such visitors, and USERS clients that never pause (the server's capacity), after a warm-up of
# 15 s that is not reported. Then it measures widget.js gzipped and the widget's time to
# interactive on a blank page in headless Chromium.
# The visitors' rate limits are raised for the run: it measures speed, not the limits.
# Results: liberty-config/bench-chat-results.md (README quotes them).
set -euo pipefail
OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bench-chat-results.md"
WORK="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.run/bench-chat"
source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"
USERS="${1:-50}"
SECONDS_RUN="${2:-60}"
PAUSE="${3:-1-4}"

export ENCAPTIO_LIMITS_STARTER_VISITOR_MESSAGES=1000000 ENCAPTIO_LIMITS_STARTER_IP_MESSAGES=1000000
export ENCAPTIO_LIMITS_STARTER_CAPSULE_MESSAGES=1000000 ENCAPTIO_LIMITS_STARTER_IP_REQUESTS=1000000

"$SCRIPTS/chromium.sh" install >/dev/null
prepare_bench_server
trap 'stop_bench_server; drop_database || true' EXIT
start_bench_server 3
KEY="$(bench_java bench.ChatBench prepare | tail -1)"
gatling() {  # gatling NAME USERS PAUSE [SECONDS]: one run into $WORK/gatling-NAME
  log "Gatling ($1): $2 visitors for ${4:-$SECONDS_RUN} s against capsule $KEY, pause $3 s"
  (cd "$ENCAPTIO_ROOT/liberty-config/load" && mvn -B -q gatling:test \
    -DbaseUrl="$ENCAPTIO_PUBLIC_URL" -Dcapsule="$KEY" -Dusers="$2" -Dseconds="${4:-$SECONDS_RUN}" \
    -Dpause="$3" -Dgatling.resultsFolder="$WORK/gatling-$1") ||
    log "Gatling reported failed requests (see the table)"
}
gatling warm-up "$USERS" 0 15  # not reported: the JIT compiles the paths before they are timed
gatling visitors "$USERS" "$PAUSE"
gatling visitors-x10 $((USERS * 10)) "$PAUSE"
gatling saturated "$USERS" 0
bench_java -Dseconds="$SECONDS_RUN" -Dpause="$PAUSE" bench.ChatBench report \
  "$ENCAPTIO_ROOT/web/src/main/webapp" "$OUT" \
  "$USERS visitors=$WORK/gatling-visitors" \
  "$((USERS * 10)) visitors=$WORK/gatling-visitors-x10" \
  "$USERS clients without pause=$WORK/gatling-saturated"
