-- Operators' actions on tenants (provision, suspend, resume, limits, export, import, delete),
-- append-only like each tenant's audit_log; shown in the operator console.
CREATE TABLE platform_audit_log (
    id            uuid         PRIMARY KEY,
    at            timestamptz  NOT NULL DEFAULT clock_timestamp(),
    actor_kind    varchar(16)  NOT NULL,
    actor_subject varchar(64),
    actor_name    varchar(255),
    action        varchar(64)  NOT NULL,
    tenant_slug   varchar(63),
    address       varchar(64),
    detail        text
);
CREATE INDEX platform_audit_log_at ON platform_audit_log (at DESC, id DESC);
CREATE INDEX platform_audit_log_tenant ON platform_audit_log (tenant_slug, at DESC);

CREATE FUNCTION platform_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'platform_audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER platform_audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON platform_audit_log
    FOR EACH ROW EXECUTE FUNCTION platform_audit_log_append_only();
CREATE TRIGGER platform_audit_log_no_truncate BEFORE TRUNCATE ON platform_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_log_append_only();
