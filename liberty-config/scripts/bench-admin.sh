#!/usr/bin/env bash
# The organization-administration benchmark (not a test): `encaptio.sh bench admin`. On a server of
# its own (bench-server.sh: port 9082, database encaptio_bench, dropped before and after) it fills
# acme's audit log to 1,000,000 rows and makes 200 capsules, then times, in one run
# (ear/src/test/java/bench/AdminBench.java):
#   - the Audit page's query (GET /api/v1/audit, one actor and a 30-day range; a range alone),
#   - the INSERT an audited action adds to its transaction,
#   - the capsule list by people of four roles, beside the server's own timers of the per-request
#     role read and of the service interceptor's check (from /metrics, the same requests).
# Results: liberty-config/bench-admin-results.md (README quotes them).
set -euo pipefail
OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bench-admin-results.md"
WORK="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.run/bench-admin"
source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"

prepare_bench_server
trap 'stop_bench_server; drop_database || true' EXIT
start_bench_server 3
log "filling the audit log and timing the audit page, audit writes and authorization"
bench_java bench.AdminBench

field() { grep "$1" "$WORK/admin.txt" | grep -o "$2=[^ ]*" | cut -d= -f2; }
row() { echo "| $2 | $(field "timer=$1 " p50_ms) | $(field "timer=$1 " p95_ms) |"; }
list_p50=$(field "timer=capsule_list " p50_ms)
role_p50=$(field "timer=role_read " p50_ms)
check_p50=$(field "timer=interceptor_check " p50_ms)
ratio=$(awk -v l="$list_p50" -v r="$role_p50" -v c="$check_p50" 'BEGIN { printf "%.3f", l / (l - r - c) }')
{
  echo "# Encaptio organization-administration benchmark"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)."
  echo "Command: \`liberty-config/scripts/encaptio.sh bench admin\`; $(head -1 "$WORK/admin.txt")."
  echo "Loopback, request to last byte; every request a different actor, date range or page; 300 or 2,000 timed after a warm-up."
  echo
  echo "| what | p50 ms | p95 ms |"
  echo "|---|---|---|"
  row audit_page_actor_range "Audit page query: one actor, 30 days (of 1,000,000 rows, 200 actors, 365 days)"
  row audit_page_range "Audit page query: 30 days, everyone"
  row audit_write "the INSERT an audited action adds (into the 1,000,000-row table, in its transaction)"
  row capsule_list "capsule list, 20 of 200 capsules, 4 people of 4 roles (client)"
  row role_read "of which: reading the caller's role in the organization (server timer)"
  row interceptor_check "of which: the service interceptor's check (server timer)"
  echo
  echo "Capsule list with authorization / without it: **$ratio** (p50 of the list over p50 of the list"
  echo "less the two server timers' p50, all from the same requests; the goal is 1.05 or less)."
} >"$OUT"
cat "$OUT"
