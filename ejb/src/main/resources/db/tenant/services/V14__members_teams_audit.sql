-- People of the organization: a person's role and status are properties of their membership in
-- this organization (this tenant's schema), so a role held here holds nowhere else. Rows come from
-- a sign-in, an invitation, an organization's initial roles, or the migration of the realm roles
-- that held in every organization before (see RoleSeeding); the first owner an operator names is
-- granted at their first sign-in (platform.tenants.owner_subject). A person removed from the
-- organization keeps a row marked removed, so a session or token they still hold gets no role.
ALTER TABLE user_profile
    ADD COLUMN role        varchar(16) NOT NULL DEFAULT 'member'
                           CHECK (role IN ('owner', 'admin', 'editor', 'analyst', 'member')),
    ADD COLUMN status      varchar(16) NOT NULL DEFAULT 'active'
                           CHECK (status IN ('invited', 'active', 'deactivated', 'removed')),
    ADD COLUMN invited_by  varchar(255),
    ADD COLUMN invited_at  timestamptz,
    -- whether the invitation created the account, so its mail sets a password (else: sign in)
    ADD COLUMN invitation_sets_password boolean NOT NULL DEFAULT false,
    ADD COLUMN updated_at  timestamptz NOT NULL DEFAULT now();
CREATE INDEX user_profile_email ON user_profile (lower(email));

-- Teams: a capsule may belong to one; editors outside it see the capsule read-only.
CREATE TABLE team (
    id          uuid         PRIMARY KEY,
    name        varchar(80)  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX team_name ON team (lower(name));
CREATE TABLE team_member (
    team_id  uuid        NOT NULL REFERENCES team (id) ON DELETE CASCADE
                         DEFERRABLE INITIALLY IMMEDIATE,
    subject  varchar(64) NOT NULL REFERENCES user_profile (subject) ON DELETE CASCADE
                         DEFERRABLE INITIALLY IMMEDIATE,
    PRIMARY KEY (team_id, subject)
);
CREATE INDEX team_member_subject ON team_member (subject);
ALTER TABLE capsule ADD COLUMN team_id uuid REFERENCES team (id) ON DELETE SET NULL
    DEFERRABLE INITIALLY IMMEDIATE;

-- The audit log: who did what, when, from where, with before/after where it applies. Append-only:
-- the trigger refuses UPDATE, DELETE and TRUNCATE for every database role, the application's
-- included; only dropping the tenant's schema (deleting the tenant, after its export) removes rows.
CREATE TABLE audit_log (
    id            uuid         PRIMARY KEY,
    at            timestamptz  NOT NULL DEFAULT clock_timestamp(),
    actor_kind    varchar(16)  NOT NULL,
    actor_subject varchar(64),
    actor_name    varchar(255),
    actor_role    varchar(16),
    action        varchar(64)  NOT NULL,
    target        varchar(255),
    capsule_id    varchar(36),  -- text: a log keeps ids as written, and nulls bind as text
    address       varchar(64),
    detail        text
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor ON audit_log (actor_subject, at DESC, id DESC);
CREATE INDEX audit_log_capsule ON audit_log (capsule_id, at DESC, id DESC) WHERE capsule_id IS NOT NULL;
CREATE INDEX audit_log_action ON audit_log (action, at DESC, id DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The organization's sign-in rules, set by its admins (one row): members must use a second factor
-- (OTP), and the organization's own identity provider (an OIDC provider brokered by Keycloak and
-- linked to the organization, alias sso_alias) for e-mail addresses of sso_domain, optionally
-- required (then a sign-in of that domain that did not come through it is refused). No row until
-- an admin sets a rule (none: no rule), so a new tenant's tables stay empty for an import.
CREATE TABLE organization_security (
    id            boolean      PRIMARY KEY DEFAULT true CHECK (id),
    mfa_required  boolean      NOT NULL DEFAULT false,
    sso_alias     varchar(100),
    sso_domain    varchar(253),
    sso_required  boolean      NOT NULL DEFAULT false,
    updated_at    timestamptz  NOT NULL DEFAULT now()
);
