-- The identity provider's id of the first owner an operator named. Their role is owner in this
-- organization only: it is granted at their first sign-in here (no realm-wide role), and the
-- People page shows them as invited until then.
ALTER TABLE tenants ADD COLUMN owner_subject varchar(64);
