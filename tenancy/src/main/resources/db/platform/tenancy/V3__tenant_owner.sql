-- The first owner named when an operator provisions a tenant; kept so that an interrupted
-- provisioning run can be completed later with the same owner.
ALTER TABLE tenants
    ADD COLUMN owner_email varchar(320),
    ADD COLUMN owner_name  varchar(200);
