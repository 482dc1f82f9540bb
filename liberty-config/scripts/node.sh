#!/usr/bin/env bash
# Another Liberty node of the same build on this machine, for a cluster of nodes on one machine.
#   node.sh start NAME HTTP_PORT HTTPS_PORT CLUSTER_PORT   create (or refresh) and start the node
#                                                          (sessions cluster on CLUSTER_PORT + 100)
#   node.sh stop NAME                                      stop it (kill -9 with --kill; returns once it is gone)
#   node.sh status NAME
#
# The node is a server of its own, $WLP/usr/servers/NAME, made from the built server `encaptio`:
# the same EAR (a hard link, not a copy), server.xml, JVM options and JDBC driver, and the same
# LTPA keys and keystore, so a token or cookie one node issues the other accepts. It listens on
# HTTP_PORT/HTTPS_PORT, joins the application's Infinispan cluster on CLUSTER_PORT and Liberty's
# (sessions, authentication cache) on CLUSTER_PORT + 100; the caller sets what the nodes share
# (ENCAPTIO_CLUSTER_DISCOVERY, _MEMBERS, _NAME, ENCAPTIO_SESSION_CLUSTER_MEMBERS, the database,
# Keycloak). Logs in
# $WLP/usr/servers/NAME/logs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WLP="$ENCAPTIO_ROOT/ear/target/liberty/wlp"
BUILT="$WLP/usr/servers/encaptio"

usage() { echo "usage: $0 start NAME HTTP_PORT HTTPS_PORT CLUSTER_PORT | stop NAME [--kill] | status NAME" >&2; exit 2; }

node_dir() {
  [[ "$1" =~ ^encaptio-[a-z0-9]+$ ]] || die "a node's name is encaptio-<letters or digits>, not '$1'"
  echo "$WLP/usr/servers/$1"
}

running() { "$WLP/bin/server" status "$1" >/dev/null 2>&1; }

# The node's server directory from the built one; its own logs and work area are kept.
refresh() {
  local dir="$1"
  [[ -f "$BUILT/apps/encaptio.ear" ]] || die "no built server in $BUILT: build first (mvn install)"
  mkdir -p "$dir/apps" "$dir/resources/security"
  rm -f "$dir/apps/encaptio.ear"
  rm -rf "$dir/apps/expanded"
  ln "$BUILT/apps/encaptio.ear" "$dir/apps/encaptio.ear" 2>/dev/null || cp "$BUILT/apps/encaptio.ear" "$dir/apps/"
  local f
  for f in server.xml bootstrap.properties jvm.options server.env infinispan-sessions.xml; do
    [[ -f "$BUILT/$f" ]] && cp "$BUILT/$f" "$dir/$f"
  done
  local lib
  for lib in jdbc infinispan embedding; do
    rm -rf "${dir:?}/$lib"; cp -r "$BUILT/$lib" "$dir/$lib"
  done
  cp "$BUILT/resources/security/"* "$dir/resources/security/"
}

cmd_start() {
  (( $# == 4 )) || usage
  local name="$1" http="$2" https="$3" cluster="$4" dir
  dir="$(node_dir "$name")"
  if running "$name"; then die "node $name already runs"; fi
  [[ -f "$BUILT/resources/security/ltpa.keys" ]] ||
    die "the built server has no LTPA keys yet: start it once first, so every node shares its keys"
  refresh "$dir"
  log "starting node $name on http://localhost:$http (cluster ports $cluster, $((cluster + 100)))"
  ENCAPTIO_HTTP_PORT="$http" ENCAPTIO_HTTPS_PORT="$https" ENCAPTIO_CLUSTER_PORT="$cluster" \
    ENCAPTIO_SESSION_CLUSTER_PORT="$((cluster + 100))" \
    "$WLP/bin/server" start "$name" >/dev/null || die "node $name did not start (logs: $dir/logs)"
  node_ready() { curl -fs --max-time 5 "http://localhost:$http/health/ready" | grep -q '"status":"UP"'; }
  wait_for 240 node_ready || die "node $name is not ready after 240 s: see $dir/logs/messages.log"
  log "node $name is ready on http://localhost:$http"
}

cmd_stop() {
  (( $# >= 1 )) || usage
  local name="$1" dir pid
  dir="$(node_dir "$name")"
  if [[ "${2:-}" == --kill ]]; then
    pid="$(cat "$WLP/usr/servers/.pid/$name.pid" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; then
      # SIGKILL is not the end yet: until the process is gone its ports still take connections
      while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
      log "node $name killed (pid $pid, gone)"
    fi
    return 0
  fi
  running "$name" || { log "node $name is not running"; return 0; }
  "$WLP/bin/server" stop "$name" >/dev/null || true
  log "node $name stopped"
}

cmd_status() {
  (( $# == 1 )) || usage
  node_dir "$1" >/dev/null
  if running "$1"; then echo "node $1: running"; else echo "node $1: stopped"; exit 3; fi
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  *) usage ;;
esac
