#!/usr/bin/env bash
# Shared settings for the scripts that start Encaptio's local services.
# Sourced, never executed. Every value can be overridden from the environment.
set -euo pipefail

ENCAPTIO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Runtime state (downloads unpacked, data directories, logs, pid files). Git-ignored.
ENCAPTIO_STATE="${ENCAPTIO_STATE:-$ENCAPTIO_ROOT/.run}"
mkdir -p "$ENCAPTIO_STATE/logs"

# The JDK every script uses: an explicit JAVA_HOME wins, else Java 17 from /usr/lib/jvm,
# else whatever `java` on the PATH belongs to.
if [[ -z "${JAVA_HOME:-}" || ! -x "${JAVA_HOME}/bin/java" ]]; then
  for candidate in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/temurin-17-* /usr/lib/jvm/temurin-25-*; do
    if [[ -x "$candidate/bin/java" ]]; then JAVA_HOME="$candidate"; break; fi
  done
fi
if [[ -z "${JAVA_HOME:-}" ]]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# PostgreSQL
export ENCAPTIO_DB_HOST="${ENCAPTIO_DB_HOST:-127.0.0.1}"
export ENCAPTIO_DB_PORT="${ENCAPTIO_DB_PORT:-5432}"
export ENCAPTIO_DB_NAME="${ENCAPTIO_DB_NAME:-encaptio}"
export ENCAPTIO_DB_USER="${ENCAPTIO_DB_USER:-encaptio}"
export ENCAPTIO_DB_PASSWORD="${ENCAPTIO_DB_PASSWORD:-encaptio-dev}"

# Keycloak
export KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
export KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
export KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:$KEYCLOAK_PORT}"
export KEYCLOAK_REALM="${KEYCLOAK_REALM:-encaptio}"
export KEYCLOAK_ADMIN_USER="${KEYCLOAK_ADMIN_USER:-admin}"
export KEYCLOAK_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin-dev}"

# Mail: GreenMail stands in for the SMTP server in development and tests (Keycloak's invitation
# and set-password mails, the application's own); its REST API serves the demo mailbox.
export GREENMAIL_VERSION="${GREENMAIL_VERSION:-2.1.8}"
export ENCAPTIO_SMTP_HOST="${ENCAPTIO_SMTP_HOST:-127.0.0.1}"
export ENCAPTIO_SMTP_PORT="${ENCAPTIO_SMTP_PORT:-3025}"
export GREENMAIL_IMAP_PORT="${GREENMAIL_IMAP_PORT:-3143}"
export GREENMAIL_API_PORT="${GREENMAIL_API_PORT:-8025}"
export ENCAPTIO_DEV_MAILBOX_URL="${ENCAPTIO_DEV_MAILBOX_URL:-http://127.0.0.1:$GREENMAIL_API_PORT}"

# Traces: a Zipkin server (its exec jar from Maven Central, spans kept in memory) receives what
# Liberty's OpenTelemetry exports in development and tests (zipkin.sh); its UI is on this port.
export ZIPKIN_VERSION="${ZIPKIN_VERSION:-3.5.1}"
export ZIPKIN_PORT="${ZIPKIN_PORT:-9411}"
export ZIPKIN_URL="${ZIPKIN_URL:-http://127.0.0.1:$ZIPKIN_PORT}"
# Servers started after this send their spans to that Zipkin, unless the environment already
# names an exporter (server.env: none otherwise).
trace_to_zipkin() {
  export OTEL_TRACES_EXPORTER="${OTEL_TRACES_EXPORTER:-zipkin}"
  export OTEL_EXPORTER_ZIPKIN_ENDPOINT="${OTEL_EXPORTER_ZIPKIN_ENDPOINT:-$ZIPKIN_URL/api/v2/spans}"
}

# Liberty
export ENCAPTIO_HTTP_PORT="${ENCAPTIO_HTTP_PORT:-9080}"
export ENCAPTIO_HTTPS_PORT="${ENCAPTIO_HTTPS_PORT:-9443}"

# Secrets at rest (tenants' chat-model API keys) are sealed with this key: one per checkout, made
# once under .run; production sets ENCAPTIO_SECRETS_KEY from a Kubernetes secret.
if [[ -z "${ENCAPTIO_SECRETS_KEY:-}" ]]; then
  [[ -s "$ENCAPTIO_STATE/secrets.key" ]] || (umask 077; head -c 32 /dev/urandom | base64 >"$ENCAPTIO_STATE/secrets.key")
  ENCAPTIO_SECRETS_KEY="$(cat "$ENCAPTIO_STATE/secrets.key")"
fi
export ENCAPTIO_SECRETS_KEY

# psql as the application's database user (pass -d DATABASE): unaligned, quiet, stops at an error.
app_psql() {
  PGPASSWORD="$ENCAPTIO_DB_PASSWORD" psql -X -q -At -v ON_ERROR_STOP=1 -h "$ENCAPTIO_DB_HOST" \
    -p "$ENCAPTIO_DB_PORT" -U "$ENCAPTIO_DB_USER" "$@"
}
log() { printf '[encaptio] %s\n' "$*" >&2; }
die() { printf '[encaptio] error: %s\n' "$*" >&2; exit 1; }
# The SciFact evaluation set the benchmarks read (ENCAPTIO_SCIFACT_DIR, default ../shared/eval/scifact).
scifact_dir() {
  local dir="${ENCAPTIO_SCIFACT_DIR:-$ENCAPTIO_ROOT/../shared/eval/scifact}"
  [[ -f "$dir/corpus.jsonl.gz" ]] || die "SciFact not found at $dir (set ENCAPTIO_SCIFACT_DIR)"
  printf '%s\n' "$dir"
}

# Runs apt-get as root (or through sudo), updating the package lists once per run.
apt_install() {
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  if [[ ! -f "$ENCAPTIO_STATE/.apt-updated" ]]; then
    $sudo apt-get update -qq >&2 && touch "$ENCAPTIO_STATE/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >&2
}

# Waits until a command succeeds, at most $1 seconds.
wait_for() {
  local timeout="$1"; shift
  local waited=0
  until "$@" >/dev/null 2>&1; do
    (( waited >= timeout )) && return 1
    sleep 1; waited=$((waited + 1))
  done
}

# True when a process with the pid stored in the file is alive.
pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Helpers of the small Java services the scripts run in the background (GreenMail, Zipkin).
# Prints "NAME: running (WHERE)" and succeeds when CHECK succeeds, else "NAME: stopped" and 3.
service_status() {
  local name="$1" where="$2" check="$3"
  if "$check"; then echo "$name: running ($where)"; return 0; fi
  echo "$name: stopped"
  return 3
}
# Downloads a jar (GAV with an optional type:classifier) into the local Maven repository once.
maven_jar() {
  local gav="$1" jar="$2"
  [[ -s "$jar" ]] && return 0
  log "downloading $gav"
  mvn -q -B dependency:get -Dartifact="$gav" -Dtransitive=false >&2 || die "could not download $gav"
}
# Stops the process whose pid the file holds, if it runs, and removes the file.
stop_pid() {
  local name="$1" pid_file="$2"
  if pid_alive "$pid_file"; then
    log "stopping $name"
    kill -TERM "$(cat "$pid_file")" 2>/dev/null || true
  fi
  rm -f "$pid_file"
}
