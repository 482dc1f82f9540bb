#!/usr/bin/env bash
# Another PostgreSQL server for tenant schemas, on this machine:
#   start NAME PORT | stop NAME | status NAME | forget NAME
#   start   runs a PostgreSQL cluster of the project's own (postgres.sh, state in .run/db-NAME,
#           listening on 127.0.0.1:PORT, pgvector, the app's role and databases, prepared
#           transactions on) and writes the Liberty data sources jdbc/encaptio-NAME (XA) and
#           jdbc/encaptioMigrations-NAME into configDropins/overrides of every built Liberty server
#           (a running server picks them up within a second). Then an operator registers the
#           server: POST /api/ops/v1/database-servers {"name": "NAME", "weight": 1}.
#   stop    stops that cluster (its data stays in .run/db-NAME); the data sources stay configured
#           (removing a data source restarts the application in a running server).
#   forget  removes the data sources from the servers' configuration (a running server restarts
#           the application): only once no tenant lives there.
#   status  whether the cluster answers.
# The database is $ENCAPTIO_DB_NAME (the test command's is encaptio_test).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCRIPTS="$ENCAPTIO_ROOT/liberty-config/scripts"
SERVERS_DIR="$ENCAPTIO_ROOT/ear/target/liberty/wlp/usr/servers"

name="${2:-}"
[[ "$name" =~ ^[a-z][a-z0-9-]{0,39}$ ]] ||
  die "usage: $0 start NAME PORT | stop NAME | status NAME | forget NAME (NAME: lower-case letters, digits, hyphens)"
STATE="$ENCAPTIO_ROOT/.run/db-$name"

dropin() { printf '%s/configDropins/overrides/database-server-%s.xml' "$1" "$name"; }

write_data_sources() {
  local port="$1" server_dir file
  for server_dir in "$SERVERS_DIR"/*/; do
    [[ -f "$server_dir/server.xml" ]] || continue
    file="$(dropin "${server_dir%/}")"
    mkdir -p "$(dirname "$file")"
    cat >"$file" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by database-server.sh: database server '$name' for tenant schemas. -->
<server>
  <!-- validationTimeout: a pooled connection is checked before it is handed out, so a restart
       of this server costs no request a dead connection. -->
  <dataSource id="encaptioDataSource-$name" jndiName="jdbc/encaptio-$name"
              type="javax.sql.XADataSource" statementCacheSize="60" validationTimeout="5s">
    <jdbcDriver libraryRef="postgresql"/>
    <properties.postgresql serverName="127.0.0.1" portNumber="$port"
                           databaseName="$ENCAPTIO_DB_NAME" user="\${encaptio.db.user}"
                           password="\${encaptio.db.password}" loginTimeout="5" connectTimeout="5"
                           ApplicationName="encaptio"/>
    <connectionManager maxPoolSize="\${encaptio.db.pool.max}" minPoolSize="0" connectionTimeout="5s"
                       agedTimeout="30m" maxIdleTime="5m"/>
  </dataSource>
  <dataSource id="encaptioMigrationsDataSource-$name" jndiName="jdbc/encaptioMigrations-$name"
              transactional="false" validationTimeout="5s">
    <jdbcDriver libraryRef="postgresql"/>
    <properties.postgresql serverName="127.0.0.1" portNumber="$port"
                           databaseName="$ENCAPTIO_DB_NAME" user="\${encaptio.db.user}"
                           password="\${encaptio.db.password}" loginTimeout="5" connectTimeout="5"
                           ApplicationName="encaptio-migrations"/>
    <connectionManager maxPoolSize="4" minPoolSize="0" connectionTimeout="10s" maxIdleTime="5m"
                       agedTimeout="1m" reapTime="30s"/>
  </dataSource>
</server>
XML
    log "data sources of database server '$name' written to $file"
  done
}

case "${1:-}" in
  start)
    port="${3:-}"
    [[ "$port" =~ ^[0-9]+$ ]] || die "usage: $0 start NAME PORT"
    ENCAPTIO_STATE="$STATE" ENCAPTIO_DB_PORT="$port" "$SCRIPTS/postgres.sh" start
    echo "$port" >"$STATE/port"
    write_data_sources "$port"
    ;;
  forget)
    for server_dir in "$SERVERS_DIR"/*/; do rm -f "$(dropin "${server_dir%/}")"; done
    ;;
  stop)
    if [[ -f "$STATE/port" ]]; then
      ENCAPTIO_STATE="$STATE" ENCAPTIO_DB_PORT="$(cat "$STATE/port")" "$SCRIPTS/postgres.sh" stop
    fi
    ;;
  status)
    [[ -f "$STATE/port" ]] || { echo "database server $name: never started"; exit 3; }
    ENCAPTIO_STATE="$STATE" ENCAPTIO_DB_PORT="$(cat "$STATE/port")" "$SCRIPTS/postgres.sh" status
    ;;
  *) die "usage: $0 start NAME PORT | stop NAME | status NAME | forget NAME" ;;
esac
