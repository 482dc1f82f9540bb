#!/usr/bin/env bash
# Local trace store for development and tests: start | stop | status.
#   start   downloads Zipkin's server (io.zipkin:zipkin-server, exec jar, via Maven) once and runs
#           it in the background on $ZIPKIN_PORT with in-memory storage (the newest
#           $ZIPKIN_MAX_SPANS spans; nothing kept on disk). Its UI and API are at $ZIPKIN_URL;
#           Liberty sends spans there after lib.sh's trace_to_zipkin (OTEL_TRACES_EXPORTER=zipkin).
#   stop    stops the process recorded in the pid file.
#   status  exit 0 when running, 3 when not.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ZK_GAV="io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec"
M2_REPO="${M2_REPO:-$HOME/.m2/repository}"
ZK_JAR="$M2_REPO/io/zipkin/zipkin-server/$ZIPKIN_VERSION/zipkin-server-$ZIPKIN_VERSION-exec.jar"
ZK_PID_FILE="$ENCAPTIO_STATE/zipkin.pid"
ZK_LOG="$ENCAPTIO_STATE/logs/zipkin.log"
ZIPKIN_MAX_SPANS="${ZIPKIN_MAX_SPANS:-50000}"

answers() { curl -fs -o /dev/null --max-time 3 "$ZIPKIN_URL/health"; }

cmd_status() { service_status zipkin "$ZIPKIN_URL" answers; }

cmd_start() {
  if answers; then
    log "Zipkin already answers on port $ZIPKIN_PORT"
    return 0
  fi
  maven_jar "$ZK_GAV" "$ZK_JAR"
  log "starting Zipkin $ZIPKIN_VERSION on $ZIPKIN_URL (in memory, newest $ZIPKIN_MAX_SPANS spans; log: $ZK_LOG)"
  QUERY_PORT="$ZIPKIN_PORT" STORAGE_TYPE=mem MEM_MAX_SPANS="$ZIPKIN_MAX_SPANS" \
    setsid nohup "$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -jar "$ZK_JAR" </dev/null >>"$ZK_LOG" 2>&1 &
  echo $! >"$ZK_PID_FILE"
  wait_for 90 answers || { tail -n 40 "$ZK_LOG" >&2; die "Zipkin did not start (log: $ZK_LOG)"; }
}

cmd_stop() { stop_pid Zipkin "$ZK_PID_FILE"; }

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
