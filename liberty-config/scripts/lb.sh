#!/usr/bin/env bash
# A load balancer in front of the Liberty nodes of `encaptio.sh run --nodes 2`: HAProxy from
# Debian's package (installed when missing), round-robin over the nodes' HTTP ports, each node
# checked on /health/ready every 2 s and left out while it fails.
#   lb.sh start PORT NODE_PORT...   start (or restart) on 127.0.0.1:PORT
#   lb.sh stop | status
#
# Visitors' widgets, share pages and the API go round-robin. The portal's pages prefer the node
# that served a browser last (a cookie, ENCAPTIO_NODE) and go to the other one when that node is
# down: the session, its Faces views and the sign-in are in the cluster, so the person keeps
# working there. The preference is not for correctness of one request but of overlapping ones:
# Liberty's session store lets one node at a time hold a session, and a page's requests that run
# on two nodes at once lose each other's view state (ViewExpiredException). Config and pid under
# $ENCAPTIO_STATE.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CFG="$ENCAPTIO_STATE/haproxy.cfg"
# A node whose port refuses two connections of real traffic in a row is marked down at once (not
# only after two failed health checks), so retries go to the other node instead of to the dead
# one again. Every request gets a connection of its own (http-reuse never below): a kept-alive
# connection to a node that just died would answer 502, and one a live node closed when idle
# would count as that node's error.
FAIL_FAST="observe layer4 error-limit 2 on-error mark-down"
PIDFILE="$ENCAPTIO_STATE/haproxy.pid"

cmd_start() {
  (( $# >= 2 )) || { echo "usage: $0 start PORT NODE_PORT..." >&2; exit 2; }
  local port="$1"; shift
  command -v haproxy >/dev/null || { log "installing HAProxy (Debian package)"; apt_install haproxy; }
  cmd_stop >/dev/null 2>&1 || true
  mkdir -p "$ENCAPTIO_STATE"
  {
    cat <<CFG
global
    maxconn 2000
defaults
    mode http
    timeout connect 5s
    timeout client 120s
    timeout server 120s
    # /health/ready asks PostgreSQL and Keycloak; on a busy machine it can take seconds, which
    # must not count as the node being down.
    timeout check 5s
    option forwardfor
    # A node that refuses the connection (stopped, killed) is not the client's problem: the
    # request goes to another node. Requests in flight on a node that dies are lost.
    retries 2
    option redispatch 1
    http-reuse never
frontend encaptio
    bind 127.0.0.1:$port
    acl portal path_beg /app/ /ops/ /jakarta.faces.resource/ /ibm_security_logout /oidcclient/
    use_backend portal if portal
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /health/ready
CFG
    local p i=0
    for p in "$@"; do i=$((i + 1)); echo "    server node$i 127.0.0.1:$p check inter 2s fall 2 rise 2 $FAIL_FAST"; done
    cat <<CFG
backend portal
    balance roundrobin
    cookie ENCAPTIO_NODE insert indirect nocache
    option redispatch
    option httpchk GET /health/ready
CFG
    i=0
    for p in "$@"; do i=$((i + 1)); echo "    server node$i 127.0.0.1:$p check inter 2s fall 2 rise 2 $FAIL_FAST cookie node$i"; done
  } >"$CFG"
  haproxy -c -q -f "$CFG" || die "HAProxy refused its configuration ($CFG)"
  haproxy -D -f "$CFG" -p "$PIDFILE" || die "HAProxy did not start"
  log "load balancer on http://localhost:$port over nodes on ports $* (HAProxy; $CFG)"
}

cmd_stop() {
  if pid_alive "$PIDFILE"; then
    kill "$(cat "$PIDFILE")" && log "load balancer stopped"
  fi
  rm -f "$PIDFILE"
}

cmd_status() {
  if pid_alive "$PIDFILE"; then echo "load balancer: running ($CFG)"; else echo "load balancer: stopped"; exit 3; fi
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start PORT NODE_PORT... | stop | status" >&2; exit 2 ;;
esac
