#!/usr/bin/env bash
# Two nodes under load (benchmark, not a test): `encaptio.sh bench failover [VISITORS] [SECONDS]`
# (default 50 and 30). On servers of their own (bench-server.sh: node A on 9082, node B made by
# node.sh on 9084, HAProxy by lb.sh on 9092, database encaptio_bench, cluster encaptio-bench on
# 127.0.0.1:7800/7801 and 7900/7901), FailoverBench times the answers per second of one node and
# of both behind the load balancer (clients that never pause), then kills node B (kill -9) under
# VISITORS visitors and starts it again, counting failed requests and timing the rejoin.
# Rate limits are raised for the run; job leases are 15 s.
# Results: liberty-config/bench-failover-results.md (README quotes them).
set -euo pipefail
OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bench-failover-results.md"
WORK="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.run/bench-failover"
source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"
VISITORS="${1:-50}"
SECONDS_RUN="${2:-30}"
NODE_B=encaptio-benchb

raise_visitor_limits
export ENCAPTIO_JOBS_LEASE_SECONDS=15
export ENCAPTIO_CLUSTER_DISCOVERY=static ENCAPTIO_CLUSTER_BIND_ADDRESS=127.0.0.1
export ENCAPTIO_CLUSTER_MEMBERS="127.0.0.1[7800],127.0.0.1[7801]" ENCAPTIO_CLUSTER_PORT=7800
export ENCAPTIO_SESSION_CLUSTER_MEMBERS="127.0.0.1[7900],127.0.0.1[7901]" ENCAPTIO_SESSION_CLUSTER_PORT=7900
export ENCAPTIO_CLUSTER_NAME=encaptio-bench
export ENCAPTIO_TRUSTED_PROXIES='127\.0\.0\.1|0:0:0:0:0:0:0:1|::1'

prepare_bench_server
trap 'ENCAPTIO_STATE="$WORK" "$SCRIPTS/lb.sh" stop; "$SCRIPTS/node.sh" stop "$NODE_B" || true; stop_bench_server; drop_database || true' EXIT
start_bench_server 3
"$SCRIPTS/node.sh" start "$NODE_B" 9084 9447 7801
ENCAPTIO_STATE="$WORK" "$SCRIPTS/lb.sh" start 9092 "$ENCAPTIO_HTTP_PORT" 9084
bench_java -DnodeA="$ENCAPTIO_PUBLIC_URL" -Dbalancer=http://127.0.0.1:9092 \
  -DstopB="$SCRIPTS/node.sh stop $NODE_B --kill" -DstartB="$SCRIPTS/node.sh start $NODE_B 9084 9447 7801" \
  bench.FailoverBench "$VISITORS" "$SECONDS_RUN" "$OUT"
log "results in $OUT"
