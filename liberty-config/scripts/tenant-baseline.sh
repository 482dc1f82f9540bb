#!/usr/bin/env bash
# Writes the tenant schema's baseline: `encaptio.sh baseline`. Every tenant migration
# (ejb/src/main/resources/db/tenant/services, V1 to the highest) is replayed in one transaction into
# a scratch schema of the development database, which pg_dump then describes as plain CREATE
# statements: db/tenant/baseline/B<highest>__tenant_schema.sql. Flyway makes a new tenant's schema
# from the newest baseline and applies only the migrations after it; schemas that exist keep their
# history and never run a baseline.
#
# Why: PostgreSQL (15.20 measured) checks, for ALTER TABLE that adds a column with NOT NULL and a
# default, adds a STORED generated column or changes a column's type, every stored expression of
# the whole database (a scan of a system catalog, each expression parsed): 3 ms in a small
# database, 67 ms at 1,100 tenant schemas, growing with every tenant. Replaying the migrations ran
# a dozen such statements per new tenant. TenantMigrationUpgradeIT proves that the baseline makes
# the same schema as the migrations it replaces.
#
# Needs the development database with its platform schema (run the product or the tests once):
# one migration inserts into platform.jobs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MIGRATIONS="$ENCAPTIO_ROOT/ejb/src/main/resources/db/tenant/services"
BASELINES="$ENCAPTIO_ROOT/ejb/src/main/resources/db/tenant/baseline"
SCRATCH="t_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"  # a tenant schema's shape

db_psql() {
  PGPASSWORD="$ENCAPTIO_DB_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$ENCAPTIO_DB_HOST" \
    -p "$ENCAPTIO_DB_PORT" -U "$ENCAPTIO_DB_USER" -d "$ENCAPTIO_DB_NAME" "$@"
}

# The migrations in version order (V2 before V10).
mapfile -t scripts < <(cd "$MIGRATIONS" && ls V*__*.sql | sort -t_ -k1.2n)
(( ${#scripts[@]} > 0 )) || die "no migrations in $MIGRATIONS"
latest="${scripts[-1]%%__*}"; latest="${latest#V}"

log "replaying ${#scripts[@]} migrations (V1 to V$latest) into $SCRATCH of $ENCAPTIO_DB_NAME"
trap 'db_psql -c "DROP SCHEMA IF EXISTS $SCRATCH CASCADE" >/dev/null 2>&1 || true' EXIT
{
  echo "BEGIN;"
  echo "CREATE SCHEMA $SCRATCH;"
  # as Flyway sets it: the schema first, then the session's path
  echo "SET LOCAL search_path TO $SCRATCH, \"\$user\", public;"
  for script in "${scripts[@]}"; do echo "\\i $MIGRATIONS/$script"; done
  echo "COMMIT;"
} | db_psql >/dev/null

mkdir -p "$BASELINES"
out="$BASELINES/B${latest}__tenant_schema.sql"
rm -f "$BASELINES"/B*__tenant_schema.sql  # one baseline: the newest
{
  cat <<EOF
-- A new tenant's schema as migrations V1 to V$latest leave it, written by \`encaptio.sh baseline\`
-- (liberty-config/scripts/tenant-baseline.sh) from pg_dump; do not edit by hand. Flyway runs it
-- for a schema without history instead of those migrations, with the tenant's schema first on the
-- search path. Functions that captured the search path when they were made capture it again here.
SET LOCAL check_function_bodies = false;

EOF
  PGPASSWORD="$ENCAPTIO_DB_PASSWORD" pg_dump -h "$ENCAPTIO_DB_HOST" -p "$ENCAPTIO_DB_PORT" \
    -U "$ENCAPTIO_DB_USER" -d "$ENCAPTIO_DB_NAME" --schema-only --no-owner --no-privileges \
    -n "$SCRATCH" |
    awk -v schema="$SCRATCH" '
      # pg_dump session settings, its comments and meta-commands, the schema itself
      /^SET / || /^SELECT pg_catalog.set_config/ || /^--/ || /^\\(un)?restrict / { next }
      $0 == "CREATE SCHEMA " schema ";" { next }
      # Flyway keeps its own history table
      /flyway_schema_history/ { skipping = 1 }
      skipping { if (/;$/) skipping = 0; next }
      /^CREATE FUNCTION / { fn = $0; sub(/^CREATE FUNCTION /, "", fn); sub(/ RETURNS .*/, "", fn) }
      /^    SET search_path TO / { captured[++n] = fn; next }
      { gsub(schema "\\.", ""); print }
      END {
        for (i = 1; i <= n; i++) {
          name = captured[i]; gsub(schema "\\.", "", name)
          print "ALTER FUNCTION " name " SET search_path FROM CURRENT;"
        }
      }' |
    # pg_dump writes `varchar_column IN ('a', 'b')` as `(c)::text = ANY ((ARRAY['a'::character
    # varying, ...])::text[])`, which PostgreSQL reads back as another expression tree (each element
    # cast on its own): written back as the IN list the migrations wrote, it reads as theirs.
    perl -pe 's{\(\((\w+)\)::text = ANY \(\(ARRAY\[((?:\x27[^\x27]*\x27::character varying(?:, )?)+)\]\)::text\[\]\)\)}{
      my ($c, $l) = ($1, $2); $l =~ s/::character varying//g; "($c IN ($l))" }ge' |
    cat -s
} >"$out"
grep -q "$SCRATCH" "$out" && die "$out still names the scratch schema $SCRATCH"
log "wrote $out ($(grep -c '^CREATE TABLE' "$out") tables); TenantMigrationUpgradeIT compares it with the migrations"
