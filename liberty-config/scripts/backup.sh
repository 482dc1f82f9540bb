#!/usr/bin/env bash
# Continuous backup and point-in-time restore of the PostgreSQL cluster these scripts run
# (postgres.sh's own cluster in $ENCAPTIO_STATE/pgdata): WAL archiving plus base backups.
#   backup.sh setup                    turn WAL archiving on and restart the cluster
#   backup.sh base                     a base backup (pg_basebackup) and the tenant exports folder
#   backup.sh list                     base backups and the archived WAL
#   backup.sh restore --to TIME|latest restore the newest base backup made before TIME and replay
#                                      the archived WAL up to TIME (an ISO time, e.g.
#                                      2026-12-07T08:30:00Z), or up to the last archived change
#
# Every change is in the WAL; a WAL segment is archived when full or, with changes in it,
# ENCAPTIO_BACKUP_ARCHIVE_TIMEOUT seconds (60) after its first one: what a lost server can lose
# is at most that window (the RPO bound). Restore never deletes the cluster it replaces: the data
# folder is kept beside it as pgdata.before-restore-<time>. Uploads live in the database; the only
# files are deleted tenants' final exports ($ENCAPTIO_EXPORT_DIR), copied with each base backup.
#
# A server these scripts do not run (the machine's own on 5432, a managed one) is refused: its
# archiving and restore belong to whoever runs it (production: CloudNativePG's backups, see
# k8s/README.md). Point ENCAPTIO_DB_PORT at a free port for postgres.sh to run a cluster of its own.
# Settings: ENCAPTIO_BACKUP_DIR ($ENCAPTIO_STATE/backup), ENCAPTIO_BACKUP_ARCHIVE_TIMEOUT (60).
# Exit codes: 0 ok, 1 error, 2 usage.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SUPERUSER="${ENCAPTIO_DB_SUPERUSER:-postgres}"
BACKUP_DIR="${ENCAPTIO_BACKUP_DIR:-$ENCAPTIO_STATE/backup}"
WAL_DIR="$BACKUP_DIR/wal"
BASE_DIR="$BACKUP_DIR/base"
ARCHIVE_TIMEOUT="${ENCAPTIO_BACKUP_ARCHIVE_TIMEOUT:-60}"
PGDATA_DIR="$ENCAPTIO_STATE/pgdata"
PG_LOG="$ENCAPTIO_STATE/logs/postgres.log"
H="$ENCAPTIO_DB_HOST"
P="$ENCAPTIO_DB_PORT"

usage() { sed -n '4,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
is_root() { [[ $(id -u) -eq 0 ]]; }
as_pg() { if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
bindir() { echo "/usr/lib/postgresql/$(cat "$PGDATA_DIR/PG_VERSION")/bin"; }
own_running() { [[ -f "$PGDATA_DIR/postmaster.pid" ]] && kill -0 "$(head -n 1 "$PGDATA_DIR/postmaster.pid")" 2>/dev/null; }
sql() { "${bin:-$(bindir)}/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$H" -p "$P" -U "$SUPERUSER" -d postgres -c "$1"; }
utc_stamp() { date -u +%Y%m%dT%H%M%SZ; }

require_own_cluster() {
  [[ -f "$PGDATA_DIR/PG_VERSION" ]] ||
    die "no cluster of these scripts in $PGDATA_DIR: backups cover a cluster postgres.sh runs itself (the server on $H:$P is someone else's; set ENCAPTIO_DB_PORT to a free port and run postgres.sh start)"
}

# Folders the server (user postgres when we are root) writes into.
backup_dirs() {
  mkdir -p "$WAL_DIR" "$BASE_DIR"
  if is_root; then chown postgres:postgres "$BACKUP_DIR" "$WAL_DIR" "$BASE_DIR"; fi
  as_pg test -w "$WAL_DIR" || die "user postgres cannot write $WAL_DIR"
}

cmd_setup() {
  require_own_cluster
  own_running || die "the cluster in $PGDATA_DIR is not running: run postgres.sh start first"
  backup_dirs
  sql "ALTER SYSTEM SET archive_mode = 'on'" >/dev/null
  sql "ALTER SYSTEM SET archive_command = 'test ! -f ''$WAL_DIR/%f'' && cp %p ''$WAL_DIR/%f'''" >/dev/null
  sql "ALTER SYSTEM SET archive_timeout = '${ARCHIVE_TIMEOUT}s'" >/dev/null
  sql "ALTER SYSTEM SET wal_level = 'replica'" >/dev/null
  if [[ "$(sql "SHOW archive_mode")" != on ]]; then
    log "restarting the cluster in $PGDATA_DIR to start archiving"
    as_pg "$(bindir)/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -m fast -w -t 60 restart >/dev/null ||
      die "the cluster did not restart (log: $PG_LOG)"
    head -n 1 "$PGDATA_DIR/postmaster.pid" >"$ENCAPTIO_STATE/postgres.pid"
  else
    sql "SELECT pg_reload_conf()" >/dev/null
  fi
  log "WAL archiving on: segments into $WAL_DIR, at the latest ${ARCHIVE_TIMEOUT} s after a change"
}

cmd_base() {
  require_own_cluster
  own_running || die "the cluster in $PGDATA_DIR is not running"
  [[ "$(sql "SHOW archive_mode")" == on ]] || die "WAL archiving is off: run '$0 setup' first"
  backup_dirs
  local stamp target started=$SECONDS
  stamp="$(utc_stamp)"
  target="$BASE_DIR/$stamp"
  as_pg mkdir "$target"
  as_pg "$(bindir)/pg_basebackup" -h "$H" -p "$P" -U "$SUPERUSER" -D "$target" -Ft -z -X stream \
    -c fast -l "encaptio $stamp" >/dev/null || { rm -rf "$target"; die "pg_basebackup failed"; }
  local exports="${ENCAPTIO_EXPORT_DIR:-}"
  if [[ -n "$exports" && -d "$exports" ]]; then
    tar -C "$exports" -czf "$target/exports.tar.gz" . || die "could not copy $exports"
  fi
  cp "$PGDATA_DIR/PG_VERSION" "$target/pg-version"
  # Restores to a time pick the newest backup finished before it.
  date -u +%Y-%m-%dT%H:%M:%SZ >"$target/finished-at"
  log "base backup $target ($(du -sh "$target" | cut -f1), $((SECONDS - started)) s)"
  echo "$target"
}

cmd_list() {
  local b
  for b in "$BASE_DIR"/*/; do
    [[ -f "$b/finished-at" ]] && echo "base $(basename "$b") finished $(cat "$b/finished-at") $(du -sh "$b" | cut -f1)"
  done
  echo "wal $(find "$WAL_DIR" -maxdepth 1 -type f 2>/dev/null | wc -l) archived segments in $WAL_DIR"
}

# The newest base backup finished at or before $1 (an epoch second; empty for the newest of all).
pick_base() {
  local limit="$1" best="" b finished
  for b in "$BASE_DIR"/*/; do
    [[ -f "$b/finished-at" ]] || continue
    finished="$(date -u -d "$(cat "$b/finished-at")" +%s)"
    if [[ -z "$limit" || "$finished" -le "$limit" ]]; then best="${b%/}"; fi
  done
  echo "$best"
}

cmd_restore() {
  local to=""
  while (($#)); do
    case "$1" in
      --to) shift; to="${1:-}" ;;
      *) usage ;;
    esac
    shift
  done
  [[ -n "$to" ]] || usage
  local limit="" target_line=""
  if [[ "$to" != latest ]]; then
    limit="$(date -u -d "$to" +%s 2>/dev/null)" || die "'$to' is not a time (write e.g. 2026-12-07T08:30:00Z)"
    (( limit <= $(date -u +%s) )) || die "$to is later than now: give a past time, or 'latest'"
    target_line="recovery_target_time = '$(date -u -d "@$limit" +%Y-%m-%dT%H:%M:%S+00)'"
  fi
  local base started=$SECONDS
  base="$(pick_base "$limit")"
  [[ -n "$base" ]] || die "no base backup finished before $to in $BASE_DIR"
  # The data folder may be gone (that is what restores are for): the binaries are the backup's.
  local bin="/usr/lib/postgresql/$(cat "$base/pg-version")/bin"
  if ! own_running && "$bin/pg_isready" -q -h "$H" -p "$P" -t 2; then
    die "a server these scripts did not start answers on $H:$P: stop it, or restore onto another port"
  fi

  if own_running; then
    log "stopping the cluster in $PGDATA_DIR"
    as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    ! own_running || die "the cluster in $PGDATA_DIR does not stop (pid $(head -n 1 "$PGDATA_DIR/postmaster.pid"))"
  fi
  local kept="$PGDATA_DIR.before-restore-$(utc_stamp)"
  if [[ -e "$PGDATA_DIR" ]]; then
    mv "$PGDATA_DIR" "$kept"
    log "the replaced data folder is kept in $kept"
  fi
  as_pg mkdir -m 700 "$PGDATA_DIR" 2>/dev/null || { mkdir -m 700 "$PGDATA_DIR"; is_root && chown postgres:postgres "$PGDATA_DIR"; }
  as_pg tar -C "$PGDATA_DIR" -xzf "$base/base.tar.gz"
  as_pg tar -C "$PGDATA_DIR/pg_wal" -xzf "$base/pg_wal.tar.gz"
  # Recovery settings in a file of their own, emptied once the cluster is promoted.
  printf "restore_command = 'cp %s/%%f %%p'\nrecovery_target_action = 'promote'\n%s\n" "$WAL_DIR" "$target_line" |
    as_pg tee "$PGDATA_DIR/encaptio-recovery.conf" >/dev/null
  echo "include_if_exists = 'encaptio-recovery.conf'" | as_pg tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null
  as_pg touch "$PGDATA_DIR/recovery.signal"
  log "restoring $(basename "$base") and replaying WAL up to $to"
  local log_from; log_from="$(stat -c %s "$PG_LOG" 2>/dev/null || echo 0)"
  # Recovery ends in promotion, or the server stops (target not reached, WAL missing): then the
  # attempt is set aside and the cluster as it was before comes back.
  restore_failed() {
    local why failed="$PGDATA_DIR.failed-restore-$(utc_stamp)"
    why="$(tail -c +"$((log_from + 1))" "$PG_LOG" | grep -E 'FATAL|PANIC' | head -n 1 | sed 's/.*\(FATAL\|PANIC\): *//')"
    own_running && as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" -m immediate -w -t 30 stop >/dev/null 2>&1
    mv "$PGDATA_DIR" "$failed"
    if [[ -e "$kept" ]]; then
      mv "$kept" "$PGDATA_DIR"
      as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -w -t 600 start >/dev/null 2>&1 &&
        log "the cluster as it was before the restore runs again"
    fi
    die "the restore failed: ${why:-see $PG_LOG} (the attempt is kept in $failed)"
  }
  as_pg "$bin/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -w -t 600 start >/dev/null 2>&1 || restore_failed
  settled() { ! own_running || [[ "$(sql "SELECT pg_is_in_recovery()" 2>/dev/null)" == f ]]; }
  wait_for 600 settled || restore_failed
  own_running || restore_failed
  head -n 1 "$PGDATA_DIR/postmaster.pid" >"$ENCAPTIO_STATE/postgres.pid"
  : | as_pg tee "$PGDATA_DIR/encaptio-recovery.conf" >/dev/null
  local reached
  reached="$(tail -c +"$((log_from + 1))" "$PG_LOG" | grep -Eo '(recovery stopping before commit of transaction [0-9]+, time|last completed transaction was at log time) [0-9:. +-]+' | tail -n 1 | grep -Eo '[0-9]{4}-[0-9-]+ [0-9:.]+[+-][0-9]+' || true)"
  log "restored: the cluster answers on $H:$P after $((SECONDS - started)) s; last transaction replayed: ${reached:-unknown}"
  echo "restore-seconds=$((SECONDS - started))"
  echo "last-transaction=${reached}"

  local exports="${ENCAPTIO_EXPORT_DIR:-}"
  if [[ -n "$exports" && -f "$base/exports.tar.gz" ]]; then
    mkdir -p "$exports"
    tar -C "$exports" --skip-old-files -xzf "$base/exports.tar.gz"
    log "exports of $(basename "$base") put back into $exports (files already there kept)"
  fi
}

case "${1:-}" in
  setup) cmd_setup ;;
  base) cmd_base ;;
  list) cmd_list ;;
  restore) shift; cmd_restore "$@" ;;
  *) usage ;;
esac
