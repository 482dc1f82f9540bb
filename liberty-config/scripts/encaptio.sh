#!/usr/bin/env bash
# The project's front door.
#   run     start PostgreSQL (+pgvector), Keycloak (demo realm) and Liberty (demo tenants), print
#           the URLs and demo logins, and keep running until Ctrl-C, which stops what it started.
#           `run --detach` returns once everything is up; `stop` ends it later. `run --nodes 2`
#           starts two Liberty nodes (9080, 9081) in one Infinispan cluster behind a load balancer
#           on 9090 (HAProxy, lb.sh).
#   test    start what the tests need, run unit and integration tests (Arquillian, HTTP with real
#           Keycloak tokens, Selenium in headless Chromium), stop what it started; non-zero on failure.
#   stop    stop Liberty, Keycloak and the project's own PostgreSQL cluster (never the machine's).
#   status  show what runs.
#   backup             WAL archiving on (once) and a base backup of the scripts' own PostgreSQL
#                      cluster (backup.sh; not the machine's server).
#   restore --to TIME|latest  that cluster back to a point in time (backup.sh; Liberty stopped first).
#   baseline  write the tenant schema's baseline (db/tenant/baseline) from every tenant migration,
#           after adding migrations when new tenants should no longer replay them (tenant-baseline.sh).
#   bench   measure start-up time and memory (see README); results in bench-results.md.
#   bench tenants [N]  the tenant-scale benchmark (N tenants, default 1000); results in bench-tenants-results.md.
#   bench ingestion    SciFact ingested end to end vs the embedding model alone; bench-ingestion-results.md.
#   bench models [N]   embedding models compared on SciFact train (quality, speed); bench-models-results.md.
#   bench studio [N]   studio pages' render time with N capsules in a tenant; bench-studio-results.md.
#   bench retrieval [MODEL]  SciFact retrieval quality (vector, keyword, hybrid); bench-retrieval-results.md.
#   bench latency [CHUNKS]   retrieval and extractive-answer latency at 100,000 chunks; bench-latency-results.md.
#   bench analytics [EVENTS] the Analytics page at 1,000,000 events, event recording's cost; bench-analytics-results.md.
#   bench counters [ANSWERS] rate-limit counters per answer, local vs a two-node cluster; bench-counters-results.md.
#   bench failover [VISITORS] [SECONDS]  answers/s of one node vs two, a node killed under load; bench-failover-results.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCRIPTS="$ENCAPTIO_ROOT/liberty-config/scripts"
WLP="$ENCAPTIO_ROOT/ear/target/liberty/wlp"
SERVER_DIR="$WLP/usr/servers/encaptio"
DEMO_PASSWORD="encaptio-demo"

ensure_tools() {
  command -v mvn >/dev/null || apt_install maven
  local missing=()
  for tool in curl unzip jq; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  (( ${#missing[@]} == 0 )) || apt_install "${missing[@]}"
}

liberty_running() { [[ -x "$WLP/bin/server" ]] && "$WLP/bin/server" status encaptio >/dev/null 2>&1; }

ready() { curl -fs --max-time 5 "http://localhost:$ENCAPTIO_HTTP_PORT/health/ready" | grep -q '"status":"UP"'; }

build() {
  log "building the EAR and the Liberty server (mvn install, tests skipped)"
  (cd "$ENCAPTIO_ROOT" && mvn -B -q install -DskipTests) || die "the build failed"
}

start_liberty() {
  if liberty_running; then
    # The embedding model's native libraries (ONNX Runtime, the tokenizer) load once per JVM; a
    # redeployed application could not load them again, so the server starts afresh.
    log "restarting Liberty so the new build starts in a fresh JVM"
    "$WLP/bin/server" stop encaptio >/dev/null || true
  fi
  log "starting Liberty on http://localhost:$ENCAPTIO_HTTP_PORT"
  "$WLP/bin/server" start encaptio >/dev/null || die "Liberty did not start (logs: $SERVER_DIR/logs)"
  wait_for 240 ready || die "Liberty is not ready after 240 s: see $SERVER_DIR/logs/messages.log"
  # Tenants are registered from Keycloak's organizations shortly after start.
  wait_for 60 tenants_registered || log "warning: demo tenants not registered yet (see messages.log)"
}

tenants_registered() {
  PGPASSWORD="$ENCAPTIO_DB_PASSWORD" psql -h "$ENCAPTIO_DB_HOST" -p "$ENCAPTIO_DB_PORT" -U "$ENCAPTIO_DB_USER" \
    -d "$ENCAPTIO_DB_NAME" -tAc "select count(*) from platform.tenants where status = 'active'" 2>/dev/null \
    | grep -qE '^[2-9]|^[0-9]{2,}'
}

# The demo capsule: acme's "Harbour Loft", from the real-estate template, with a description of the
# property, published. Made through the API as alice (acme's owner), once; later runs find it.
DEMO_CAPSULE="Harbour Loft"
DEMO_CAPSULE_KEY="(not created; see the log above)"
DEMO_SHARE_URL="(not created; see the log above)"
seed_demo_capsule() {
  local token api id
  token=$(curl -fs -d grant_type=password -d client_id=encaptio-api -d username=alice.acme \
    -d "password=$DEMO_PASSWORD" -d 'scope=openid organization' \
    "$KEYCLOAK_URL/realms/$KEYCLOAK_REALM/protocol/openid-connect/token" | jq -r .access_token) || return 1
  api="http://localhost:$ENCAPTIO_HTTP_PORT/api/v1/capsules"
  call() { curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
  # The organizations' initial roles are granted just after the tenants are registered.
  alice_is_owner() { call "http://localhost:$ENCAPTIO_HTTP_PORT/api/v1/me" | jq -e '.role == "owner"' >/dev/null; }
  wait_for 60 alice_is_owner || return 1
  id=$(call "$api?max=100" | jq -r --arg n "$DEMO_CAPSULE" '.capsules[] | select(.name == $n) | .id' | head -1)
  if [[ -z "$id" ]]; then
    log "creating the demo capsule '$DEMO_CAPSULE' in acme"
    id=$(call -d "$(jq -n --arg n "$DEMO_CAPSULE" '{name: $n, template: "real-estate"}')" "$api" | jq -r .id) || return 1
    call -o /dev/null -d "$(jq -n --rawfile t "$ENCAPTIO_ROOT/liberty-config/demo/harbour-loft.md" \
      '{kind: "text", title: "Harbour Loft: the listing", text: $t}')" "$api/$id/content" || return 1
    call -o /dev/null -X POST "$api/$id/publish" || return 1
  fi
  DEMO_CAPSULE_KEY=$(call "$api/$id" | jq -r .publicKey)
  DEMO_SHARE_URL=$(call "$api/$id/share" | jq -r .url) || DEMO_SHARE_URL="http://localhost:$ENCAPTIO_HTTP_PORT/c/$DEMO_CAPSULE_KEY"
}

print_welcome() {
  cat <<TXT

  Encaptio is running.

    Portal        http://localhost:$ENCAPTIO_HTTP_PORT/app/dashboard.xhtml
    API           http://localhost:$ENCAPTIO_HTTP_PORT/api/v1/me   (OpenAPI: /openapi, UI: /openapi/ui)
    Health        http://localhost:$ENCAPTIO_HTTP_PORT/health/ready
    Demo capsule  $DEMO_CAPSULE (acme), its share page:
                  $DEMO_SHARE_URL
                  widget: <script src="http://localhost:$ENCAPTIO_HTTP_PORT/widget.js" data-capsule="$DEMO_CAPSULE_KEY" async></script>
    Keycloak      $KEYCLOAK_URL/admin   ($KEYCLOAK_ADMIN_USER / $KEYCLOAK_ADMIN_PASSWORD)
    Traces        $ZIPKIN_URL   (Zipkin: every request's spans, HTTP to services, SQL and jobs)
    Mailbox       http://localhost:$ENCAPTIO_HTTP_PORT/dev/mailbox   (every mail sent here: invitations,
                  set-password links; GreenMail on SMTP 127.0.0.1:$ENCAPTIO_SMTP_PORT, nothing leaves the machine)

  Demo logins (password '$DEMO_PASSWORD' for all; development only, never use them elsewhere):
    alice.acme        owner of acme          eddie.acme    editor of acme
    grace.globex      owner of globex        gus.globex    editor of globex
    vera.acme         member of acme (reads capsules only)
    casey.consultant  editor in acme and in globex (chooses one at sign-in)
    oscar.ops         platform operator (no organization)
  A role holds in one organization only; owners and admins change roles and invite people on the
  People page (Admin area), and the invitation arrives in the Mailbox above.

  An API token:
    curl -s -d grant_type=password -d client_id=encaptio-api -d username=alice.acme \\
         -d password=$DEMO_PASSWORD -d 'scope=openid organization' \\
         $KEYCLOAK_URL/realms/$KEYCLOAK_REALM/protocol/openid-connect/token

TXT
}

# Two nodes on this machine: one Infinispan cluster (static discovery on 127.0.0.1:7800/7801),
# node A the built server on 9080, node B (node.sh) on 9081, the load balancer on 9090.
NODE_B=encaptio-b
LB_PORT="${ENCAPTIO_LB_PORT:-9090}"
cluster_of_two() {
  export ENCAPTIO_CLUSTER_DISCOVERY=static ENCAPTIO_CLUSTER_BIND_ADDRESS=127.0.0.1
  export ENCAPTIO_CLUSTER_MEMBERS="127.0.0.1[7800],127.0.0.1[7801]" ENCAPTIO_CLUSTER_PORT=7800
  export ENCAPTIO_SESSION_CLUSTER_MEMBERS="127.0.0.1[7900],127.0.0.1[7901]" ENCAPTIO_SESSION_CLUSTER_PORT=7900
  export ENCAPTIO_CLUSTER_NAME="${ENCAPTIO_CLUSTER_NAME:-encaptio-dev}"
  export ENCAPTIO_PUBLIC_URL="http://localhost:$LB_PORT"
}

cmd_run() {
  local detach=false nodes=1
  while (( $# > 0 )); do
    case "$1" in
      --detach) detach=true ;;
      --nodes) shift; nodes="${1:-}" ;;
      *) die "run takes --detach and --nodes 1|2, not '$1'" ;;
    esac
    shift
  done
  [[ "$nodes" == 1 || "$nodes" == 2 ]] || die "--nodes takes 1 or 2, not '$nodes'"
  local started=$SECONDS
  ensure_tools
  "$SCRIPTS/postgres.sh" start
  "$SCRIPTS/mail.sh" start
  "$SCRIPTS/zipkin.sh" start
  trace_to_zipkin
  "$SCRIPTS/keycloak.sh" start
  build
  (( nodes == 2 )) && cluster_of_two
  start_liberty
  if (( nodes == 2 )); then
    "$SCRIPTS/node.sh" stop "$NODE_B" >/dev/null 2>&1 || true
    "$SCRIPTS/node.sh" start "$NODE_B" 9081 9444 7801
    "$SCRIPTS/lb.sh" start "$LB_PORT" "$ENCAPTIO_HTTP_PORT" 9081
    ENCAPTIO_HTTP_PORT="$LB_PORT"
  fi
  seed_demo_capsule || log "warning: the demo capsule could not be created (see messages.log)"
  echo "run-to-ready-seconds=$((SECONDS - started))" >"$ENCAPTIO_STATE/last-run.txt"
  print_welcome
  if (( nodes == 2 )); then
    cat <<TXT
  Two nodes in one cluster behind the load balancer above (port $LB_PORT): node A
  http://localhost:9080, node B http://localhost:9081 (each one's /health/ready lists the
  cluster's members). Visitors and the API go round-robin; the portal prefers the node a
  browser used last (cookie ENCAPTIO_NODE) and moves to the other one, session and sign-in
  included, when that node stops.

TXT
  fi
  log "ready after $((SECONDS - started)) s"
  $detach && return 0
  trap 'echo; cmd_stop; exit 0' INT TERM
  log "press Ctrl-C to stop everything this command started"
  while true; do sleep 3600 & wait $!; done
}

cmd_stop() {
  "$SCRIPTS/lb.sh" stop
  "$SCRIPTS/node.sh" stop "$NODE_B"
  if liberty_running; then
    log "stopping Liberty"
    "$WLP/bin/server" stop encaptio >/dev/null || true
  fi
  "$SCRIPTS/keycloak.sh" stop
  "$SCRIPTS/zipkin.sh" stop
  "$SCRIPTS/mail.sh" stop
  "$SCRIPTS/postgres.sh" stop
}

cmd_status() {
  local rc=0
  "$SCRIPTS/postgres.sh" status || rc=3
  "$SCRIPTS/keycloak.sh" status || rc=3
  "$SCRIPTS/mail.sh" status || rc=3
  "$SCRIPTS/zipkin.sh" status || rc=3
  if liberty_running; then echo "liberty: running (http://localhost:$ENCAPTIO_HTTP_PORT)"; else echo "liberty: stopped"; rc=3; fi
  return $rc
}

cmd_test() {
  ensure_tools
  if liberty_running; then
    die "the development server of this checkout is running; stop it first ($0 stop) so the tests can start their own"
  fi
  local keycloak_was_running=true
  "$SCRIPTS/keycloak.sh" status >/dev/null 2>&1 || keycloak_was_running=false
  # The test server is node A of a cluster of two on this machine (static discovery); ClusterIT
  # starts node B beside it (node.sh, port 9083) and stops it again. Alone, node A serves as one.
  export ENCAPTIO_CLUSTER_DISCOVERY=static ENCAPTIO_CLUSTER_BIND_ADDRESS=127.0.0.1
  export ENCAPTIO_CLUSTER_MEMBERS="127.0.0.1[7800],127.0.0.1[7801]" ENCAPTIO_CLUSTER_PORT=7800
  export ENCAPTIO_SESSION_CLUSTER_MEMBERS="127.0.0.1[7900],127.0.0.1[7901]" ENCAPTIO_SESSION_CLUSTER_PORT=7900
  export ENCAPTIO_CLUSTER_NAME=encaptio-test
  # Only 127.0.0.1 is a trusted proxy, so ClientAddressIT can call from 127.0.0.2 as a peer whose
  # X-Forwarded-For must be ignored.
  export ENCAPTIO_TRUSTED_PROXIES='127\.0\.0\.1|0:0:0:0:0:0:0:1|::1'
  # The test database starts empty every run, as on a fresh machine (the server keeps it otherwise).
  ENCAPTIO_FRESH_TEST_DB=true "$SCRIPTS/postgres.sh" start
  local mail_was_running=true
  "$SCRIPTS/mail.sh" status >/dev/null 2>&1 || mail_was_running=false
  "$SCRIPTS/mail.sh" start
  # The test server's traces go to a Zipkin of the run's own (TracingIT reads them back). Only
  # traces a caller marked sampled are recorded (TracingIT's requests carry a sampled
  # traceparent): recording every statement of every test request is not needed by any test.
  local zipkin_was_running=true
  "$SCRIPTS/zipkin.sh" status >/dev/null 2>&1 || zipkin_was_running=false
  "$SCRIPTS/zipkin.sh" start
  trace_to_zipkin
  export OTEL_TRACES_SAMPLER="${OTEL_TRACES_SAMPLER:-parentbased_traceidratio}"
  export OTEL_TRACES_SAMPLER_ARG="${OTEL_TRACES_SAMPLER_ARG:-0}"
  "$SCRIPTS/keycloak.sh" start
  "$SCRIPTS/chromium.sh" install
  # kustomize renders the Kubernetes overlays for KubernetesManifestsTest (module k8s).
  ENCAPTIO_KUSTOMIZE="$("$SCRIPTS/kustomize.sh" install)"
  export ENCAPTIO_KUSTOMIZE
  # The tests get their own database and ports, so a developer's data is never touched.
  export ENCAPTIO_DB_NAME="${ENCAPTIO_TEST_DB_NAME:-${ENCAPTIO_DB_NAME}_test}"
  export ENCAPTIO_HTTP_PORT="${ENCAPTIO_TEST_HTTP_PORT:-9081}"
  export ENCAPTIO_HTTPS_PORT="${ENCAPTIO_TEST_HTTPS_PORT:-9444}"
  export ENCAPTIO_PUBLIC_URL="http://localhost:$ENCAPTIO_HTTP_PORT"
  export ENCAPTIO_TENANT_SYNC_INTERVAL_SECONDS="${ENCAPTIO_TENANT_SYNC_INTERVAL_SECONDS:-10}"
  # Analytics are rolled up every 10 s, quiet tenants' too (their events are often written by SQL),
  # so AnalyticsIT waits seconds, not a minute or an hour.
  export ENCAPTIO_ANALYTICS_ROLLUP_INTERVAL_SECONDS="${ENCAPTIO_ANALYTICS_ROLLUP_INTERVAL_SECONDS:-10}"
  export ENCAPTIO_ANALYTICS_ROLLUP_IDLE_MINUTES="${ENCAPTIO_ANALYTICS_ROLLUP_IDLE_MINUTES:-0.17}"
  # A killed server's jobs go to another worker once their lease runs out (JobRecoveryIT).
  export ENCAPTIO_JOBS_LEASE_SECONDS="${ENCAPTIO_JOBS_LEASE_SECONDS:-15}"
  # URL sources in the tests are served by the test JVM on 127.0.0.1, which production refuses.
  export ENCAPTIO_FETCH_ALLOW_LOOPBACK=true
  # The demo tenants (starter) collect the people each run invites; the free plan keeps its 3 seats
  # (OrganizationAdminIT fills them).
  export ENCAPTIO_PLAN_SEATS="${ENCAPTIO_PLAN_SEATS:-free=3,starter=100000,pro=100000,business=100000}"
  # Invitation links expire after 45 s, so a test can see one expire (InvitationBrowserIT).
  export ENCAPTIO_INVITATION_LIFESPAN="${ENCAPTIO_INVITATION_LIFESPAN:-PT45S}"
  # Deleted capsules are purged at once instead of after 30 days (CapsulePurgeIT).
  export ENCAPTIO_CAPSULE_PURGE_HOURS=0
  # A failing hook is tried five times a second apart, and a person gets at most one e-mail of a
  # kind per 15 s instead of 15 minutes, so NotificationIT sees retries and digests in seconds.
  export ENCAPTIO_NOTIFICATIONS_RETRY_SECONDS="${ENCAPTIO_NOTIFICATIONS_RETRY_SECONDS:-1,1,1,1}"
  export ENCAPTIO_NOTIFICATIONS_DIGEST_MINUTES="${ENCAPTIO_NOTIFICATIONS_DIGEST_MINUTES:-0.25}"
  # The weekly summary is due today from midnight UTC, so NotificationIT sees one arrive.
  export ENCAPTIO_NOTIFICATIONS_WEEKLY_DAY="${ENCAPTIO_NOTIFICATIONS_WEEKLY_DAY:-$(date -u +%A)}"
  export ENCAPTIO_NOTIFICATIONS_WEEKLY_HOUR="${ENCAPTIO_NOTIFICATIONS_WEEKLY_HOUR:-0}"
  local rc=0
  "$SCRIPTS/node.sh" stop encaptio-b --kill >/dev/null 2>&1 || true
  (cd "$ENCAPTIO_ROOT" && mvn -B clean verify -DskipITs=false -Dit.http.port="$ENCAPTIO_HTTP_PORT" "$@") || rc=$?
  if ! $keycloak_was_running; then "$SCRIPTS/keycloak.sh" stop; fi
  if ! $mail_was_running; then "$SCRIPTS/mail.sh" stop; fi
  if ! $zipkin_was_running; then "$SCRIPTS/zipkin.sh" stop; fi
  "$SCRIPTS/postgres.sh" stop
  "$SCRIPTS/node.sh" stop encaptio-b --kill >/dev/null 2>&1 || true
  if (( rc == 0 )); then log "all tests passed"; else log "tests failed (exit $rc)"; fi
  return $rc
}

# The answerability set alone (AnswerabilityIT): both rates per part, every miss, in
# ear/target/answerability/report.md.
cmd_eval() {
  local rc=0
  cmd_test -Dtest=AnswerabilityIT -Dit.test=AnswerabilityIT -Dsurefire.failIfNoSpecifiedTests=false "$@" || rc=$?
  [[ -f "$ENCAPTIO_ROOT/ear/target/answerability/report.md" ]] && cat "$ENCAPTIO_ROOT/ear/target/answerability/report.md"
  return $rc
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  eval) shift; cmd_eval "$@" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  backup) "$SCRIPTS/backup.sh" setup && "$SCRIPTS/backup.sh" base ;;
  restore)
    shift
    if liberty_running; then die "stop Liberty first ($0 stop): nothing may write while the database is restored"; fi
    "$SCRIPTS/backup.sh" restore "$@" ;;
  test) shift; cmd_test "$@" ;;
  baseline) exec "$SCRIPTS/tenant-baseline.sh" ;;
  bench)
    shift
    if [[ "${1:-}" == tenants ]]; then shift; exec "$SCRIPTS/bench-tenants.sh" "$@"; fi
    if [[ "${1:-}" == ingestion ]]; then shift; exec "$SCRIPTS/bench-ingestion.sh" "$@"; fi
    if [[ "${1:-}" == models ]]; then shift; exec "$SCRIPTS/bench-models.sh" "$@"; fi
    if [[ "${1:-}" == studio ]]; then shift; exec "$SCRIPTS/bench-studio.sh" "$@"; fi
    if [[ "${1:-}" == retrieval ]]; then shift; exec "$SCRIPTS/bench-retrieval.sh" "$@"; fi
    if [[ "${1:-}" == latency ]]; then shift; exec "$SCRIPTS/bench-latency.sh" "$@"; fi
    if [[ "${1:-}" == chat ]]; then shift; exec "$SCRIPTS/bench-chat.sh" "$@"; fi
    if [[ "${1:-}" == admin ]]; then shift; exec "$SCRIPTS/bench-admin.sh" "$@"; fi
    if [[ "${1:-}" == analytics ]]; then shift; exec "$SCRIPTS/bench-analytics.sh" "$@"; fi
    if [[ "${1:-}" == counters ]]; then shift; exec "$SCRIPTS/bench-counters.sh" "$@"; fi
    if [[ "${1:-}" == failover ]]; then shift; exec "$SCRIPTS/bench-failover.sh" "$@"; fi
    exec "$SCRIPTS/bench.sh" "$@" ;;
  *) echo "usage: $(basename "$0") run [--detach] [--nodes 2] | test [maven args] | eval [maven args] | stop | status | baseline | backup | restore --to TIME|latest | bench [tenants [N] | ingestion [MODEL] | models [N] | studio [N] | retrieval [MODEL] | latency [CHUNKS] | chat [USERS] [SECONDS] [PAUSE] | admin | analytics [EVENTS] | counters [ANSWERS] | failover [VISITORS] [SECONDS]]" >&2; exit 2 ;;
esac
