#!/usr/bin/env bash
# Writes the tenant schema's baseline: `encaptio.sh baseline`. Every tenant migration
# (ejb/src/main/resources/db/tenant/services, V1 to the highest) is replayed in one transaction into
# a scratch schema of the development database, which pg_dump then describes as plain CREATE
# statements: db/tenant/baseline/B<highest>__tenant_schema.sql. Flyway makes a new tenant's schema
# from the newest baseline and applies only the migrations after it; schemas that exist keep their
# history and never run a baseline. Earlier baselines stay: every schema made from one has it in
# its Flyway history, and Flyway refuses a history that names a script it cannot find.
#
# Why: PostgreSQL (15.20 measured) checks, for ALTER TABLE that adds a column with a default (even
# a nullable one), adds a STORED generated column or rewrites a column's type, every stored
# expression of the whole database (a scan of a system catalog, each expression parsed): 34-49 ms
# at 1,620 tenant schemas against 1.5-6 ms in a small database, growing with every tenant.
# Replaying the migrations ran a dozen such statements per new tenant. TenantMigrationUpgradeIT
# proves that the baseline makes the same schema as the migrations it replaces.
#
# Needs the development database with its platform schema (run the product or the tests once):
# one migration inserts into platform.jobs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MIGRATIONS="$ENCAPTIO_ROOT/ejb/src/main/resources/db/tenant/services"
BASELINES="$ENCAPTIO_ROOT/ejb/src/main/resources/db/tenant/baseline"
SCRATCH="t_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"  # a tenant schema's shape

db_psql() { app_psql -d "$ENCAPTIO_DB_NAME" "$@"; }

# The migrations in version order (V2 before V10).
mapfile -t scripts < <(cd "$MIGRATIONS" && ls V*__*.sql | sort -t_ -k1.2n)
(( ${#scripts[@]} > 0 )) || die "no migrations in $MIGRATIONS"
latest="${scripts[-1]%%__*}"; latest="${latest#V}"
# Flyway replaces ${...} placeholders in migrations; psql would not, and the replay would differ.
if (cd "$MIGRATIONS" && grep -l '\${' "${scripts[@]}"); then
  die "the migrations above use a Flyway placeholder (\${...}); this script cannot replay them"
fi

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

# A baseline holds the schema only: rows a migration put in, or privileges it granted, would be
# lost for new tenants.
held=$(db_psql -c "SELECT string_agg(c.relname, ', ') FROM pg_class c
    WHERE c.relnamespace = '$SCRATCH'::regnamespace AND c.relkind = 'r'
    AND (c.relacl IS NOT NULL OR (xpath('/row/n/text()', query_to_xml(
      format('SELECT count(*) AS n FROM %I.%I', '$SCRATCH', c.relname), false, true, '')))[1]::text::int > 0)")
[[ -z "$held" ]] || die "tables with rows or grants after the migrations ($held): a baseline cannot hold them"

mkdir -p "$BASELINES"
out="$BASELINES/B${latest}__tenant_schema.sql"
{
  cat <<HEADER
-- A new tenant's schema as migrations V1 to V$latest leave it, written by \`encaptio.sh baseline\`
-- (liberty-config/scripts/tenant-baseline.sh) from pg_dump; do not edit by hand. Flyway runs the
-- newest baseline for a schema without history instead of the migrations it covers, with the
-- tenant's schema first on the search path; schemas made from it keep it in their history.
SET LOCAL check_function_bodies = false;
HEADER
  PGPASSWORD="$ENCAPTIO_DB_PASSWORD" pg_dump -h "$ENCAPTIO_DB_HOST" -p "$ENCAPTIO_DB_PORT" \
    -U "$ENCAPTIO_DB_USER" -d "$ENCAPTIO_DB_NAME" --schema-only --no-owner --no-privileges \
    -n "$SCRATCH" |
    awk -v schema="$SCRATCH" '
      # a line inside a dollar-quoted body belongs to the body and is kept as it is
      function dollar_tags(line) { return gsub(/\$[A-Za-z0-9_]*\$/, "&", line) }
      body { print; if (dollar_tags($0) % 2) body = 0; next }
      # pg_dump session settings, its comments and meta-commands, the schema itself
      /^SET / || /^SELECT pg_catalog.set_config/ || /^--/ || /^\\(un)?restrict / { next }
      $0 == "CREATE SCHEMA " schema ";" { next }
      # the search path a function captured (captured again below, FROM CURRENT)
      /^    SET search_path TO / { next }
      { gsub(schema "\\.", ""); print; if (dollar_tags($0) % 2) body = 1 }' |
    # pg_dump writes `varchar_column IN ('a', 'b')` as `(c)::text = ANY ((ARRAY['a'::character
    # varying, ...])::text[])`, which PostgreSQL reads back as another expression tree (each
    # element cast on its own); written back as the IN list the migrations wrote, it reads as theirs.
    perl -pe 's{\(\((\w+)\)::text = ANY \(\(ARRAY\[((?:\x27[^\x27]*\x27::character varying(?:, )?)+)\]\)::text\[\]\)\)}{
      my ($c, $l) = ($1, $2); $l =~ s/::character varying//g; "($c IN ($l))" }ge' |
    cat -s
  # functions that captured the migrations' search path capture the new tenant's
  db_psql -c "SELECT format('ALTER %s %I(%s) SET search_path FROM CURRENT;',
      CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, p.proname,
      pg_get_function_identity_arguments(p.oid))
    FROM pg_proc p WHERE p.pronamespace = '$SCRATCH'::regnamespace
    AND EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%')
    ORDER BY p.proname"
  # migrations after the baseline run in the same transaction with the usual checks
  echo "SET LOCAL check_function_bodies TO DEFAULT;"
} >"$out"
if grep -q "$SCRATCH" "$out"; then die "$out still names the scratch schema $SCRATCH"; fi
log "wrote $out ($(grep -c '^CREATE TABLE' "$out") tables); TenantMigrationUpgradeIT compares it with the migrations"
