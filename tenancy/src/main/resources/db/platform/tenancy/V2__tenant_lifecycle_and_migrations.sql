-- Why a tenant is suspended (shown to its users and API clients), and the migration state of
-- its schema as the background migrator last left it (shown to operators).
ALTER TABLE tenants
    ADD COLUMN suspension_reason varchar(500),
    ADD COLUMN schema_version    varchar(50),
    ADD COLUMN migration_state   varchar(20) NOT NULL DEFAULT 'pending'
               CHECK (migration_state IN ('pending', 'migrating', 'current', 'failed')),
    ADD COLUMN migration_error   varchar(2000),
    ADD COLUMN migrated_at       timestamptz;

UPDATE tenants SET migration_state = 'current' WHERE status = 'active';
