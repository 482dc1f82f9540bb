-- How much content (uploaded files and texts) a tenant may keep; NULL: the platform's default
-- (encaptio.content.limit.bytes). Operators raise or lower it per tenant.
ALTER TABLE tenants ADD COLUMN content_limit_bytes bigint CHECK (content_limit_bytes > 0);
