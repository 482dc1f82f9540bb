#!/usr/bin/env bash
# The public chat benchmark (not a test): `encaptio.sh bench chat [USERS] [SECONDS] [PAUSE]`. On a
# server of its own (bench-server.sh, loopback only) it ingests the SciFact corpus into a published
# capsule (about 10,400 chunks) and writes the questions of each run (bench/ChatBench.java): every
# question of the uncached runs is asked once in the whole benchmark. Gatling (liberty-config/load,
# SECONDS each, default 60; each run stops by itself) then runs, after a warm-up of 15 s that is
# not reported: USERS visitors at once (default 50) who take PAUSE seconds (default 1-4, drawn
# uniformly) to read an answer and type the next question; USERS clients that never pause (the
# server's capacity); and the cache run: USERS visitors asking 20 questions again and again, with
# the share of answers the answer cache gave. Then the query embedding's own rate with USERS
# threads in one JVM on the same cores, and widget.js gzipped and the widget's time to interactive
# on a blank page in headless Chromium.
# The visitors' rate limits are raised for the run: it measures speed, not the limits.
# ENCAPTIO_BENCH_REUSE=1 keeps the database and the ingested capsule for the next run.
# Results: liberty-config/bench-chat-results.md (README quotes them).
set -euo pipefail
OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bench-chat-results.md"
WORK="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.run/bench-chat"
source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"
USERS="${1:-50}"
SECONDS_RUN="${2:-60}"
PAUSE="${3:-1-4}"
SCIFACT="$(scifact_dir)"

raise_visitor_limits

"$SCRIPTS/chromium.sh" install >/dev/null
prepare_reusable_bench_server capsule.txt
start_bench_server 3
if [[ ! -f "$WORK/capsule.txt" ]]; then
  log "ingesting SciFact into a published capsule and writing the questions (ten minutes or more)"
  bench_java bench.ChatBench prepare "$SCIFACT"
fi
KEY="$(cut -d' ' -f2 "$WORK/capsule.txt")"
gatling() {  # gatling NAME USERS PAUSE SECONDS QUESTIONS [repeat]: one run into $WORK/gatling-NAME
  log "Gatling ($1): $2 visitors for $4 s against capsule $KEY, pause $3 s, questions $5"
  rm -rf "$WORK/gatling-$1"
  (cd "$ENCAPTIO_ROOT/liberty-config/load" && mvn -B -q gatling:test \
    -DbaseUrl="$ENCAPTIO_PUBLIC_URL" -Dcapsule="$KEY" -Dusers="$2" -Dseconds="$4" \
    -Dpause="$3" -Dquestions="$WORK/$5" -Drepeat="${6:-false}" \
    -Dgatling.resultsFolder="$WORK/gatling-$1") ||
    log "Gatling reported failed requests (see the table)"
}
bench_java bench.ChatBench answers > "$WORK/answers-start.txt"
gatling warm-up "$USERS" 0 15 questions-warm-up.csv  # not reported: the JIT compiles the paths
gatling visitors "$USERS" "$PAUSE" "$SECONDS_RUN" questions-visitors.csv
gatling saturated "$USERS" 0 "$SECONDS_RUN" questions-saturated.csv
bench_java bench.ChatBench answers > "$WORK/answers-before.txt"
gatling cached "$USERS" "$PAUSE" "$SECONDS_RUN" questions-cached.csv true
bench_java bench.ChatBench answers > "$WORK/answers-after.txt"
log "the query embedding alone, $USERS threads for 30 s"
bench_java bench.ChatBench embed-rate "$USERS" 30
bench_java -Dseconds="$SECONDS_RUN" -Dpause="$PAUSE" bench.ChatBench report \
  "$ENCAPTIO_ROOT/web/src/main/webapp" "$OUT" \
  "$USERS visitors, uncached=$WORK/gatling-visitors" \
  "$USERS clients without pause, uncached=$WORK/gatling-saturated" \
  "$USERS visitors, cache run=$WORK/gatling-cached"
