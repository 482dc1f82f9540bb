#!/usr/bin/env bash
# Start-up and memory benchmark of the whole stack (not a test). Writes liberty-config/bench-results.md.
#   cold   `mvn clean`, Keycloak's dev database deleted (realm re-imported), Liberty server
#          re-created: everything but downloads and apt installs, which a fresh machine adds.
#   warm   the same command again right after a stop: what a developer sees every day.
# For each: seconds from the run command to a ready portal (health UP and demo tenants active),
# Liberty's own start time, and resident memory of Liberty, Keycloak and PostgreSQL after 30 s idle.
# `--with-ci` also times `.ci/run` (about 10 minutes).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCRIPTS="$ENCAPTIO_ROOT/liberty-config/scripts"
OUT="$ENCAPTIO_ROOT/liberty-config/bench-results.md"
MESSAGES="$ENCAPTIO_ROOT/ear/target/liberty/wlp/usr/servers/encaptio/logs/messages.log"
with_ci=false
[[ "${1:-}" == "--with-ci" ]] && with_ci=true

rss_mb() {  # rss_mb PATTERN: summed resident memory (MB) of processes whose command line matches
  ps -eo rss=,args= | awk -v p="$1" '$0 ~ p { s += $1 } END { printf "%.0f", s / 1024 }'
}

liberty_started_seconds() {
  grep -o 'server started in [0-9.]* seconds' "$MESSAGES" 2>/dev/null | tail -1 | grep -o '[0-9.]*' || echo "?"
}

measure() {  # measure LABEL: run --detach, wait idle, record one table row
  local label="$1" start end
  start=$(date +%s.%N)
  "$SCRIPTS/encaptio.sh" run --detach >/dev/null
  end=$(date +%s.%N)
  local total; total=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  sleep 30
  local liberty keycloak postgres
  liberty=$(rss_mb 'wlp/bin/tools/ws-javaagent.jar')
  keycloak=$(rss_mb 'Dkc.script.pid|keycloak.*kc.sh')
  postgres=$(rss_mb 'postgres')
  printf '| %s | %.0f | %s | %s | %s | %s | %s |\n' "$label" "$total" "$(liberty_started_seconds)" \
    "$liberty" "$keycloak" "$postgres" "$((liberty + keycloak + postgres))" >>"$OUT.tmp"
  echo "$total" >"$ENCAPTIO_STATE/bench-$label.txt"
}

"$SCRIPTS/encaptio.sh" stop >/dev/null 2>&1 || true
log "cold run: mvn clean, fresh Keycloak database"
(cd "$ENCAPTIO_ROOT" && mvn -B -q clean)
rm -rf "$ENCAPTIO_STATE/keycloak-$KEYCLOAK_VERSION/data/h2"
{
  echo "| run | run → ready (s) | Liberty start (s) | Liberty RSS (MB) | Keycloak RSS (MB) | PostgreSQL RSS (MB) | stack RSS (MB) |"
  echo "|---|---|---|---|---|---|---|"
} >"$OUT.tmp"
measure cold
"$SCRIPTS/encaptio.sh" stop >/dev/null
log "warm run"
measure warm
"$SCRIPTS/encaptio.sh" stop >/dev/null

cold=$(cat "$ENCAPTIO_STATE/bench-cold.txt"); warm=$(cat "$ENCAPTIO_STATE/bench-warm.txt")
ci_line="not measured (run with --with-ci)"
if $with_ci; then
  start=$(date +%s)
  (cd "$ENCAPTIO_ROOT" && CI=true bash .ci/run >"$ENCAPTIO_STATE/logs/bench-ci.log" 2>&1) && ci_ok=passed || ci_ok=FAILED
  ci_line="$(( $(date +%s) - start )) s ($ci_ok)"
fi
{
  echo "# Encaptio benchmark results"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)."
  echo "Command: \`liberty-config/scripts/encaptio.sh bench\`. Memory is resident set size after 30 s idle;"
  echo "PostgreSQL is whichever server the run used (the machine's own cluster here), so it includes its other databases."
  echo
  cat "$OUT.tmp"
  echo
  echo "Warm run / cold run: $(awk -v w="$warm" -v c="$cold" 'BEGIN { printf "%.2f", w / c }')."
  echo
  echo "\`.ci/run\` wall time: $ci_line."
} >"$OUT"
rm -f "$OUT.tmp"
cat "$OUT"
