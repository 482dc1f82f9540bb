#!/usr/bin/env bash
# Local PostgreSQL (with pgvector) for Encaptio.  Usage: postgres.sh start|stop|status
#
# Which server is used:
#   * If a PostgreSQL server already answers on $ENCAPTIO_DB_HOST:$ENCAPTIO_DB_PORT (pg_isready),
#     it is used as is: typically the machine's own cluster (Debian's 15/main on 127.0.0.1:5432).
#     The script then only adds pgvector, the role and the databases; `stop` never touches it.
#   * Otherwise the script runs a cluster of its own: it installs Debian's `postgresql` package
#     if the binaries are missing, runs `initdb` in $ENCAPTIO_STATE/pgdata and starts it with
#     pg_ctl, listening on $ENCAPTIO_DB_HOST:$ENCAPTIO_DB_PORT only, trust auth for local and
#     loopback connections, log in $ENCAPTIO_STATE/logs/postgres.log, pid in
#     $ENCAPTIO_STATE/postgres.pid.  PostgreSQL refuses to run as root, so when the script runs
#     as root the cluster belongs to, and runs as, the `postgres` system user (runuser);
#     otherwise it runs as the calling user.  `stop` stops this cluster only.
#
# pgvector: if the server's extension directory lacks vector.control, Debian's
# postgresql-<major>-pgvector is installed when apt knows it; otherwise (bookworm has no such
# package) the `pgvector` source package of Debian $ENCAPTIO_PGVECTOR_SUITE (trixie) is fetched
# with a private apt configuration (own sources file and lists directory under
# $ENCAPTIO_STATE/pgvector, mirror taken from the machine's existing apt sources; the machine's
# apt state is not changed), built against the running server's major version and installed
# with `make install`.  Source and build are cached under $ENCAPTIO_STATE/pgvector.
#
# The superuser ($ENCAPTIO_DB_SUPERUSER, default postgres) is reached over TCP (trust, or
# PGPASSWORD/~/.pgpass); failing that, as root, through the local socket as the `postgres`
# system user (Debian's default peer authentication).  The app role is never a superuser:
# the superuser creates the role, the databases $ENCAPTIO_DB_NAME and $ENCAPTIO_TEST_DB_NAME
# (default ${ENCAPTIO_DB_NAME}_test)
# owned by it, and the vector extension in both.
#
# Exit codes: 0 ok, 1 error, 2 usage, 3 (status) not running / not set up.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ENCAPTIO_DB_SUPERUSER="${ENCAPTIO_DB_SUPERUSER:-postgres}"
ENCAPTIO_PGVECTOR_SUITE="${ENCAPTIO_PGVECTOR_SUITE:-trixie}"
TEST_DB="${ENCAPTIO_TEST_DB_NAME:-${ENCAPTIO_DB_NAME}_test}"

PGDATA_DIR="$ENCAPTIO_STATE/pgdata"
PG_SOCKET_DIR="$ENCAPTIO_STATE/pgsocket"
PG_LOG="$ENCAPTIO_STATE/logs/postgres.log"
PG_PIDFILE="$ENCAPTIO_STATE/postgres.pid"
PGVECTOR_CACHE="$ENCAPTIO_STATE/pgvector"

H="$ENCAPTIO_DB_HOST"
P="$ENCAPTIO_DB_PORT"
export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-5}"

is_root() { [[ $(id -u) -eq 0 ]]; }
as_root() { if is_root; then "$@"; else sudo "$@"; fi; }
is_loopback() { [[ "$H" == localhost || "$H" == 127.* || "$H" == ::1 ]]; }

# Runs a command as the user that owns our own cluster.
as_pg() {
  if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Directory with the binaries of one PostgreSQL major version ($1), or of the newest installed.
pg_bindir() {
  if [[ -n "${1:-}" ]]; then
    echo "/usr/lib/postgresql/$1/bin"
  else
    local d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$d" ]]; then echo "$d"; fi
  fi
}

# Client tools (psql, pg_isready): the newest installed version, else whatever is on the PATH.
client_bin() {
  local d
  d="$(pg_bindir)"
  if [[ -n "$d" && -x "$d/$1" ]]; then echo "$d/$1"; else command -v "$1"; fi
}

ensure_client() {
  if ! client_bin pg_isready >/dev/null 2>&1; then
    log "installing the PostgreSQL client tools"
    apt_install postgresql-client
  fi
  PSQL="$(client_bin psql)"
  PG_ISREADY="$(client_bin pg_isready)"
}

answers() { "$PG_ISREADY" -q -h "$H" -p "$P" -t "${1:-2}"; }

# ---------------------------------------------------------------- superuser access
SU_MODE=""   # tcp | socket
su_psql() {  # su_psql DB [psql args...]
  local db="$1"; shift
  if [[ "$SU_MODE" == socket ]]; then
    (cd / && runuser -u postgres -- "$PSQL" -X -q -v ON_ERROR_STOP=1 -p "$P" -d "$db" "$@")
  else
    "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$H" -p "$P" -U "$ENCAPTIO_DB_SUPERUSER" -d "$db" "$@"
  fi
}

SERVER_INFO_SQL="select current_setting('server_version_num')::int / 10000,
  exists (select 1 from pg_available_extensions where name = 'vector'),
  current_setting('data_directory')"

# Sets PG_MAJOR, VECTOR_AVAILABLE, SERVER_DATADIR; picks the way to reach the superuser.
server_info() {
  local out err
  err="$(mktemp)"
  SU_MODE=tcp
  if ! out="$(su_psql postgres -At -F '|' -c "$SERVER_INFO_SQL" 2>"$err")"; then
    if is_root && is_loopback && id postgres >/dev/null 2>&1; then
      SU_MODE=socket
      out="$(su_psql postgres -At -F '|' -c "$SERVER_INFO_SQL" 2>>"$err")" || {
        cat "$err" >&2; rm -f "$err"
        die "cannot connect to $H:$P as superuser $ENCAPTIO_DB_SUPERUSER (set PGPASSWORD or ENCAPTIO_DB_SUPERUSER)"; }
    else
      cat "$err" >&2; rm -f "$err"
      die "cannot connect to $H:$P as superuser $ENCAPTIO_DB_SUPERUSER (set PGPASSWORD or ENCAPTIO_DB_SUPERUSER)"
    fi
  fi
  rm -f "$err"
  IFS='|' read -r PG_MAJOR VECTOR_AVAILABLE SERVER_DATADIR <<<"$out"
}

# ---------------------------------------------------------------- own cluster
own_pid_alive() {
  [[ -f "$PGDATA_DIR/postmaster.pid" ]] && kill -0 "$(head -n 1 "$PGDATA_DIR/postmaster.pid")" 2>/dev/null
}

start_own_cluster() {
  is_loopback || die "nothing answers on $H:$P, and a cluster of our own can only listen on a loopback address"
  if own_pid_alive; then
    die "the cluster in $PGDATA_DIR is running but does not answer on $H:$P (port changed?); run '$0 stop' first"
  fi

  local bindir major
  if [[ -f "$PGDATA_DIR/PG_VERSION" ]]; then
    major="$(cat "$PGDATA_DIR/PG_VERSION")"
    bindir="$(pg_bindir "$major")"
    [[ -x "$bindir/postgres" ]] || apt_install "postgresql-$major"
  else
    bindir="$(pg_bindir)"
    if [[ -z "$bindir" || ! -x "$bindir/initdb" || ! -x "$bindir/postgres" ]]; then
      log "installing PostgreSQL server binaries"
      apt_install postgresql
      PSQL="$(client_bin psql)"; PG_ISREADY="$(client_bin pg_isready)"
      # Debian's package may have created and started its own main cluster on this port.
      if answers 5; then log "the freshly installed server answers on $H:$P; using it"; return 0; fi
      bindir="$(pg_bindir)"
    fi
  fi
  if is_root; then id postgres >/dev/null 2>&1 || die "no 'postgres' system user to run the cluster as"; fi

  mkdir -p "$PGDATA_DIR" "$PG_SOCKET_DIR"
  touch "$PG_LOG"
  if is_root; then chown postgres:postgres "$PGDATA_DIR" "$PG_SOCKET_DIR" "$PG_LOG"; fi
  chmod 700 "$PGDATA_DIR"
  as_pg test -w "$PGDATA_DIR" -a -w "$PG_LOG" ||
    die "user postgres cannot reach $PGDATA_DIR (a parent directory is not searchable by others?)"

  if [[ ! -f "$PGDATA_DIR/PG_VERSION" ]]; then
    log "initialising a cluster in $PGDATA_DIR ($("$bindir/postgres" --version))"
    as_pg "$bindir/initdb" -D "$PGDATA_DIR" -U "$ENCAPTIO_DB_SUPERUSER" -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=trust >>"$PG_LOG" 2>&1 || { tail -n 20 "$PG_LOG" >&2; die "initdb failed"; }
    echo "include_if_exists = 'encaptio.conf'" | as_pg tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null
  fi
  # Listen address, port and socket directory follow the environment of every start.
  local sockdir="$PG_SOCKET_DIR"
  (( ${#sockdir} < 90 )) || sockdir=""   # a Unix socket path must stay below ~107 bytes
  # Prepared transactions: a tenant on this cluster as a second database server commits its
  # transactions that also touch the platform schema on the main server in two phases (XA).
  printf "# written by postgres.sh on every start\nlisten_addresses = '%s'\nport = %s\nunix_socket_directories = '%s'\nmax_prepared_transactions = %s\n" \
    "$H" "$P" "$sockdir" "${ENCAPTIO_DB_MAX_PREPARED_TRANSACTIONS:-64}" | as_pg tee "$PGDATA_DIR/encaptio.conf" >/dev/null

  log "starting the cluster in $PGDATA_DIR on $H:$P (log: $PG_LOG)"
  as_pg "$bindir/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -w -t 60 start >/dev/null ||
    { tail -n 20 "$PG_LOG" >&2; die "the cluster did not start"; }
  head -n 1 "$PGDATA_DIR/postmaster.pid" >"$PG_PIDFILE"
  wait_for 30 answers 1 || die "the cluster started but does not answer on $H:$P"
}

stop_own_cluster() {
  if ! own_pid_alive; then
    rm -f "$PG_PIDFILE"
    log "no cluster started by this script is running (in $PGDATA_DIR); any other server on $H:$P is left alone"
    return 0
  fi
  local bindir
  bindir="$(pg_bindir "$(cat "$PGDATA_DIR/PG_VERSION")")"
  log "stopping the cluster in $PGDATA_DIR"
  as_pg "$bindir/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 60 stop >/dev/null
  rm -f "$PG_PIDFILE"
}

# ---------------------------------------------------------------- pgvector
pkg_installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]; }

# The Debian mirror URI of the machine's own apt sources (never the security archive).
debian_mirror_uri() {
  local codename
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
  {
    # deb822 files: one stanza per paragraph.
    for f in /etc/apt/sources.list.d/*.sources; do
      [[ -f "$f" ]] || continue
      awk -v cn="$codename" '
        function flush() {
          if (types ~ /(^| )deb( |$)/ && enabled != "no" && uris !~ /security/ &&
              (cn == "" || (" " suites " ") ~ (" " cn " "))) { split(uris, u, " "); print u[1] }
          types = uris = suites = enabled = ""
        }
        /^[ \t]*#/ { next }
        /^[ \t]*$/ { flush(); next }
        { key = tolower($1); sub(/:$/, "", key); $1 = ""; sub(/^ +/, "")
          if (key == "types") types = $0; else if (key == "uris") uris = $0
          else if (key == "suites") suites = $0; else if (key == "enabled") enabled = tolower($0) }
        END { flush() }' "$f"
    done
    # One-line format.
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [[ -f "$f" ]] || continue
      sed -E 's/\[[^]]*\]//' "$f" | awk -v cn="$codename" \
        '$1 == "deb" && $2 !~ /security/ && (cn == "" || $3 == cn) { print $2 }'
    done
  } | head -n 1
}

# Fetches Debian's pgvector source package (once) and prints the unpacked source directory.
pgvector_source() {
  local srcdir
  srcdir="$(ls -d "$PGVECTOR_CACHE"/src/pgvector-*/ 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$srcdir" && -f "$srcdir/vector.control" ]]; then echo "${srcdir%/}"; return 0; fi

  local mirror keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  mirror="$(debian_mirror_uri)"
  [[ -n "$mirror" ]] || die "cannot find a Debian mirror in /etc/apt/sources.list{,.d}"
  pkg_installed dpkg-dev || apt_install dpkg-dev
  [[ -f "$keyring" ]] || apt_install debian-archive-keyring

  local aptdir="$PGVECTOR_CACHE/apt"
  rm -rf "$aptdir" "$PGVECTOR_CACHE/src"
  mkdir -p "$aptdir/lists/partial" "$aptdir/cache/archives/partial" "$PGVECTOR_CACHE/src"
  echo "deb-src [signed-by=$keyring] $mirror $ENCAPTIO_PGVECTOR_SUITE main" >"$aptdir/sources.list"
  local apt_opts=(-o "Dir::Etc::SourceList=$aptdir/sources.list" -o Dir::Etc::SourceParts=/nonexistent
                  -o "Dir::State::Lists=$aptdir/lists" -o "Dir::Cache=$aptdir/cache")
  log "fetching the pgvector source package of Debian $ENCAPTIO_PGVECTOR_SUITE from $mirror"
  if ! as_root apt-get -q "${apt_opts[@]}" update >"$aptdir/update.log" 2>&1 ||
     ! ls "$aptdir"/lists/*Sources* >/dev/null 2>&1; then
    if grep -q NO_PUBKEY "$aptdir/update.log"; then
      # The archive keyring is too old to know the suite's signing keys: update it, then retry.
      log "the archive keyring lacks the $ENCAPTIO_PGVECTOR_SUITE keys; upgrading debian-archive-keyring"
      apt_install debian-archive-keyring
      as_root apt-get -q "${apt_opts[@]}" update >"$aptdir/update.log" 2>&1 ||
        { cat "$aptdir/update.log" >&2; die "apt-get update for $ENCAPTIO_PGVECTOR_SUITE sources failed"; }
    else
      cat "$aptdir/update.log" >&2; die "apt-get update for $ENCAPTIO_PGVECTOR_SUITE sources failed"
    fi
  fi
  # Download as apt's sandbox user where possible; unpack (dpkg-source) as the caller.
  if is_root && id _apt >/dev/null 2>&1; then chown _apt "$PGVECTOR_CACHE/src"; fi
  (cd "$PGVECTOR_CACHE/src" && as_root apt-get -q "${apt_opts[@]}" source pgvector) >"$aptdir/source.log" 2>&1 ||
    { cat "$aptdir/source.log" >&2; die "apt-get source pgvector failed"; }
  rm -rf "$aptdir/lists" "$aptdir/cache"   # ~20 MB of indexes, not needed any more
  srcdir="$(ls -d "$PGVECTOR_CACHE"/src/pgvector-*/ 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$srcdir" && -f "$srcdir/vector.control" ]] || die "no pgvector source tree in $PGVECTOR_CACHE/src"
  echo "${srcdir%/}"
}

ensure_pgvector() {
  local pg_config="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config"
  if [[ "$VECTOR_AVAILABLE" == t ]]; then return 0; fi
  # Installing files helps only if the server runs on this machine (not remote, not in a container).
  if ! is_loopback || [[ ! -d "$SERVER_DATADIR" ]]; then
    die "the server on $H:$P (PostgreSQL $PG_MAJOR) lacks pgvector and does not run on this machine; install pgvector there"
  fi

  # A binary package, where the machine's apt sources have one (trixie, apt.postgresql.org).
  local candidate
  candidate="$(apt-cache policy "postgresql-$PG_MAJOR-pgvector" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
  if [[ -n "$candidate" && "$candidate" != "(none)" ]]; then
    log "installing postgresql-$PG_MAJOR-pgvector $candidate"
    apt_install "postgresql-$PG_MAJOR-pgvector"
    return 0
  fi

  # Otherwise build Debian's source package against this major version.
  local deps=()
  pkg_installed "postgresql-server-dev-$PG_MAJOR" || deps+=("postgresql-server-dev-$PG_MAJOR")
  pkg_installed build-essential || deps+=(build-essential)
  pkg_installed dpkg-dev || deps+=(dpkg-dev)
  if (( ${#deps[@]} )); then log "installing build dependencies: ${deps[*]}"; apt_install "${deps[@]}"; fi
  [[ -x "$pg_config" ]] || die "$pg_config is missing"

  local src build
  src="$(pgvector_source)"
  build="$PGVECTOR_CACHE/build-pg$PG_MAJOR"
  if [[ ! -f "$build/.built" ]]; then
    rm -rf "$build"; cp -a "$src" "$build"
    local jobs=$(( $(nproc) / 2 )); (( jobs >= 1 )) || jobs=1
    log "building pgvector $(basename "$src") for PostgreSQL $PG_MAJOR (make -j$jobs; log: $build/build.log)"
    make -C "$build" -j"$jobs" PG_CONFIG="$pg_config" >"$build/build.log" 2>&1 ||
      { tail -n 30 "$build/build.log" >&2; die "building pgvector failed"; }
    touch "$build/.built"
  fi
  log "installing pgvector into $("$pg_config" --pkglibdir) and $("$pg_config" --sharedir)/extension"
  as_root make -C "$build" PG_CONFIG="$pg_config" install >"$build/install.log" 2>&1 ||
    { tail -n 30 "$build/install.log" >&2; die "make install of pgvector failed"; }
  [[ -f "$("$pg_config" --sharedir)/extension/vector.control" ]] || die "vector.control still missing after make install"
}

# ---------------------------------------------------------------- role, databases
# With ENCAPTIO_FRESH_TEST_DB=true (the test command sets it) the test database is dropped first,
# so every test run starts from the state of a fresh machine: the machine's own server keeps its
# databases between runs, while Keycloak's realm (under $ENCAPTIO_STATE) may be new.
drop_test_database() {
  [[ "${ENCAPTIO_FRESH_TEST_DB:-false}" == true ]] || return 0
  [[ "$TEST_DB" != "$ENCAPTIO_DB_NAME" ]] || die "the test database is the development one ($TEST_DB); not dropping it"
  log "dropping the test database $TEST_DB so the tests start from an empty one"
  su_psql postgres -v test_db="$TEST_DB" >/dev/null <<'SQL'
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'test_db') \gexec
SQL
}

ensure_databases() {
  drop_test_database
  su_psql postgres -v app_user="$ENCAPTIO_DB_USER" -v app_pw="$ENCAPTIO_DB_PASSWORD" \
    -v db="$ENCAPTIO_DB_NAME" -v test_db="$TEST_DB" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER PASSWORD %L', :'app_user', :'app_pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'app_user', :'app_pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', d, :'app_user', 'UTF8')
  FROM (SELECT DISTINCT unnest(ARRAY[:'db', :'test_db'])) AS names(d)
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SQL
  local db
  VECTOR_VERSION=""
  for db in "$ENCAPTIO_DB_NAME" "$TEST_DB"; do
    VECTOR_VERSION="$(su_psql "$db" -At <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS vector;
SELECT extversion FROM pg_extension WHERE extname = 'vector';
SQL
)"
  done
}

# ---------------------------------------------------------------- commands
cmd_start() {
  ensure_client
  local kind="existing server"
  if answers 2; then
    own_pid_alive && kind="own cluster in $PGDATA_DIR"
  else
    start_own_cluster
    own_pid_alive && kind="own cluster in $PGDATA_DIR"
  fi
  server_info
  ensure_pgvector
  ensure_databases
  printf 'postgres ready: host=%s port=%s db=%s (+%s) user=%s pgvector=%s (PostgreSQL %s, %s)\n' \
    "$H" "$P" "$ENCAPTIO_DB_NAME" "$TEST_DB" "$ENCAPTIO_DB_USER" "$VECTOR_VERSION" "$PG_MAJOR" "$kind"
}

cmd_status() {
  ensure_client
  if ! answers 2; then echo "postgres: nothing answers on $H:$P"; exit 3; fi
  local db out rc=0
  for db in "$ENCAPTIO_DB_NAME" "$TEST_DB"; do
    if ! out="$(PGPASSWORD="$ENCAPTIO_DB_PASSWORD" "$PSQL" -X -At -h "$H" -p "$P" -U "$ENCAPTIO_DB_USER" -d "$db" \
        -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'" 2>&1)"; then
      echo "postgres: $H:$P answers, but $ENCAPTIO_DB_USER cannot use database $db: ${out//$'\n'/ }"; rc=3
    elif [[ -z "$out" ]]; then
      echo "postgres: database $db on $H:$P lacks the vector extension"; rc=3
    else
      echo "postgres: $H:$P db=$db user=$ENCAPTIO_DB_USER pgvector=$out"
    fi
  done
  if own_pid_alive; then echo "postgres: own cluster in $PGDATA_DIR (pid $(head -n 1 "$PGDATA_DIR/postmaster.pid"))"; fi
  exit "$rc"
}

cmd_stop() {
  stop_own_cluster
}

case "${1:-}" in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
