-- A capsule's own retrieval settings (candidates, fusion, passages) as JSON; NULL means the
-- product's measured defaults.
ALTER TABLE capsule ADD COLUMN retrieval_settings text;
