#!/usr/bin/env bash
# Local SMTP server for development and tests: start | stop | status.
#   start   downloads GreenMail's standalone jar (via Maven) once and runs it in the background:
#           SMTP on $ENCAPTIO_SMTP_PORT, IMAP on $GREENMAIL_IMAP_PORT, its REST API on
#           $GREENMAIL_API_PORT (every address is a mailbox; nothing leaves this machine, nothing is
#           kept on disk). The portal's demo mailbox page (/dev/mailbox) reads that API.
#   stop    stops the process recorded in the pid file.
#   status  exit 0 when running, 3 when not.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GM_GAV="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION"
M2_REPO="${M2_REPO:-$HOME/.m2/repository}"
GM_JAR="$M2_REPO/com/icegreen/greenmail-standalone/$GREENMAIL_VERSION/greenmail-standalone-$GREENMAIL_VERSION.jar"
GM_PID_FILE="$ENCAPTIO_STATE/greenmail.pid"
GM_LOG="$ENCAPTIO_STATE/logs/greenmail.log"

answers() { curl -fs -o /dev/null --max-time 3 "http://127.0.0.1:$GREENMAIL_API_PORT/api/configuration"; }

cmd_status() {
  service_status mail "SMTP 127.0.0.1:$ENCAPTIO_SMTP_PORT, mailbox API http://127.0.0.1:$GREENMAIL_API_PORT" answers
}

cmd_start() {
  if answers; then
    log "GreenMail already answers on port $GREENMAIL_API_PORT"
    return 0
  fi
  maven_jar "$GM_GAV" "$GM_JAR"
  log "starting GreenMail $GREENMAIL_VERSION (SMTP $ENCAPTIO_SMTP_PORT, IMAP $GREENMAIL_IMAP_PORT, API $GREENMAIL_API_PORT; log: $GM_LOG)"
  setsid nohup "$JAVA_HOME/bin/java" -Xmx128m \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$ENCAPTIO_SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$GREENMAIL_IMAP_PORT" \
    -Dgreenmail.auth.disabled \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$GREENMAIL_API_PORT" \
    -jar "$GM_JAR" </dev/null >>"$GM_LOG" 2>&1 &
  echo $! >"$GM_PID_FILE"
  wait_for 60 answers || { tail -n 40 "$GM_LOG" >&2; die "GreenMail did not start (log: $GM_LOG)"; }
}

cmd_stop() { stop_pid GreenMail "$GM_PID_FILE"; }

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
