#!/usr/bin/env bash
# Local Keycloak for development: start | stop | status.
#   start   downloads the dist (via Maven) and unpacks it once under $ENCAPTIO_STATE, imports
#           liberty-config/keycloak/encaptio-realm.json on first start (skipped once the realm
#           exists), runs `kc.sh start-dev` in the background and waits for the realm to answer.
#           Brute-force protection stays on (the realm's), but back-to-back logins of one user
#           are allowed: Keycloak 26's blocking detector otherwise refuses a token request that
#           follows another within milliseconds as "user_temporarily_disabled" (tests do that).
#   stop    stops the process recorded in the pid file (TERM, then KILL).
#   status  exit 0 when running, 3 when not.
#   reset   stop, delete Keycloak's dev database (data/h2) and start again, re-importing the realm
#           file (start alone skips the import once the realm exists).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KC_HOME="$ENCAPTIO_STATE/keycloak-$KEYCLOAK_VERSION"
KC_PID_FILE="$ENCAPTIO_STATE/keycloak.pid"
KC_LOG="$ENCAPTIO_STATE/logs/keycloak.log"
KC_REALM_FILE="$ENCAPTIO_ROOT/liberty-config/keycloak/encaptio-realm.json"
# Beside the product's realm: northwind-idp, a second realm standing in for a customer's own
# identity provider (an organization's SSO is tested and demonstrated against it).
KC_REALM_DIR="$ENCAPTIO_ROOT/liberty-config/keycloak"
realm_files_sum() { cat "$KC_REALM_DIR"/*-realm.json | sha256sum | cut -d' ' -f1; }
KC_START_TIMEOUT="${KC_START_TIMEOUT:-180}"
# Keycloak's management interface (/health, /metrics); Keycloak's default is 9000.
KC_MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-9000}"
KC_DIST_GAV="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip"
M2_REPO="${M2_REPO:-$HOME/.m2/repository}"
KC_DIST_ZIP="$M2_REPO/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"

discovery_url() { echo "$KEYCLOAK_URL/realms/$KEYCLOAK_REALM/.well-known/openid-configuration"; }
realm_answers() { curl -fs -o /dev/null --max-time 3 "$(discovery_url)"; }

obtain_dist() {
  [[ -x "$KC_HOME/bin/kc.sh" ]] && return 0
  if [[ ! -s "$KC_DIST_ZIP" ]] || ! unzip -tq "$KC_DIST_ZIP" >/dev/null 2>&1; then
    command -v mvn >/dev/null || die "mvn is needed to download $KC_DIST_GAV"
    log "downloading $KC_DIST_GAV (about 170 MB)"
    # dependency:copy resolves only the zip itself (dependency:get would also pull its transitive deps).
    local tmp; tmp="$(mktemp -d)"
    mvn -q -B dependency:copy -Dartifact="$KC_DIST_GAV" -DoutputDirectory="$tmp" >&2 \
      || { rm -rf "$tmp"; die "could not download $KC_DIST_GAV"; }
    [[ -s "$KC_DIST_ZIP" ]] || { mkdir -p "$(dirname "$KC_DIST_ZIP")"; mv "$tmp"/*.zip "$KC_DIST_ZIP"; }
    rm -rf "$tmp"
  fi
  log "unpacking Keycloak $KEYCLOAK_VERSION into $KC_HOME"
  local staging="$ENCAPTIO_STATE/.keycloak-unzip.$$"
  rm -rf "$staging"; mkdir -p "$staging"
  unzip -q "$KC_DIST_ZIP" -d "$staging"
  mv "$staging/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rm -rf "$staging"
}

cmd_status() {
  if pid_alive "$KC_PID_FILE"; then
    if realm_answers; then
      echo "keycloak: running (pid $(cat "$KC_PID_FILE"), $KEYCLOAK_URL, realm $KEYCLOAK_REALM)"
    else
      echo "keycloak: running (pid $(cat "$KC_PID_FILE")), realm $KEYCLOAK_REALM not answering yet"
    fi
    return 0
  fi
  if realm_answers; then
    echo "keycloak: running at $KEYCLOAK_URL (not started by this script)"
    return 0
  fi
  echo "keycloak: stopped"
  return 3
}

realm_file_changed() {
  [[ -f "$KC_HOME/data/realm.sha256" ]] \
    && [[ "$(cat "$KC_HOME/data/realm.sha256")" != "$(realm_files_sum)" ]]
}

cmd_start() {
  if pid_alive "$KC_PID_FILE" && realm_file_changed; then
    log "the realm file changed since Keycloak imported it; restarting Keycloak to re-import it"
    cmd_stop
  fi
  if realm_answers; then
    log "Keycloak already answers at $KEYCLOAK_URL (realm $KEYCLOAK_REALM)"
    return 0
  fi
  if pid_alive "$KC_PID_FILE"; then
    log "Keycloak (pid $(cat "$KC_PID_FILE")) is starting; waiting"
  else
    obtain_dist
    [[ -f "$KC_REALM_FILE" ]] || die "realm file $KC_REALM_FILE is missing"
    mkdir -p "$KC_HOME/data/import"
    # Keycloak imports a realm only when it does not exist yet. The dev database holds nothing but
    # the imported demo realm, so when the realm file changed since the last import, start afresh.
    local realm_sum; realm_sum="$(realm_files_sum)"
    if [[ -d "$KC_HOME/data/h2" && "$(cat "$KC_HOME/data/realm.sha256" 2>/dev/null)" != "$realm_sum" ]]; then
      log "the realm file changed since the last import; re-importing it into a fresh dev database"
      rm -rf "$KC_HOME/data/h2"
    fi
    echo "$realm_sum" >"$KC_HOME/data/realm.sha256"
    rm -f "$KC_HOME/data/import/"*.json
    cp "$KC_REALM_DIR"/*-realm.json "$KC_HOME/data/import/"
    log "starting Keycloak $KEYCLOAK_VERSION on port $KEYCLOAK_PORT with $JAVA_HOME (log: $KC_LOG)"
    {
      echo "===== $(date -Is) keycloak.sh start ====="
    } >>"$KC_LOG"
    # setsid: own session and process group, so it outlives the calling shell and `stop` can
    # signal the whole group (kc.sh wrapper plus its java child).
    KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN_USER" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
    JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx640m}" \
      setsid nohup "$KC_HOME/bin/kc.sh" start-dev \
        --http-port="$KEYCLOAK_PORT" \
        --hostname="$KEYCLOAK_URL" \
        --http-management-port="$KC_MANAGEMENT_PORT" \
        --import-realm \
        --health-enabled=true \
        --spi-brute-force-protector-default-brute-force-detector-allow-concurrent-requests=true \
        </dev/null >>"$KC_LOG" 2>&1 &
    echo $! >"$KC_PID_FILE"
  fi
  local started=$SECONDS
  until realm_answers; do
    if ! pid_alive "$KC_PID_FILE"; then
      tail -n 60 "$KC_LOG" >&2
      rm -f "$KC_PID_FILE"
      die "Keycloak exited during startup (log: $KC_LOG)"
    fi
    if (( SECONDS - started >= KC_START_TIMEOUT )); then
      tail -n 60 "$KC_LOG" >&2
      die "Keycloak did not answer at $(discovery_url) within ${KC_START_TIMEOUT}s (log: $KC_LOG)"
    fi
    sleep 2
  done
  log "Keycloak is up at $KEYCLOAK_URL (realm $KEYCLOAK_REALM, admin console $KEYCLOAK_URL/admin, ${SECONDS}s)"
}

cmd_stop() {
  if ! pid_alive "$KC_PID_FILE"; then
    rm -f "$KC_PID_FILE"
    log "Keycloak is not running (no live pid in $KC_PID_FILE)"
    return 0
  fi
  local pid; pid="$(cat "$KC_PID_FILE")"
  log "stopping Keycloak (pid $pid)"
  # The pid is the session/group leader created by setsid; signal the group, fall back to the pid.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  if ! wait_for 30 bash -c "! kill -0 $pid 2>/dev/null"; then
    log "still running after 30s; sending KILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$KC_PID_FILE"
  log "Keycloak stopped"
}

cmd_reset() {
  cmd_stop
  log "deleting Keycloak's dev database $KC_HOME/data/h2"
  rm -rf "$KC_HOME/data/h2"
  cmd_start
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  *) echo "usage: $(basename "$0") start|stop|status|reset" >&2; exit 2 ;;
esac
