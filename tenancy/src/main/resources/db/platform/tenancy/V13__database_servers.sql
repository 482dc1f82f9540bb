-- The PostgreSQL servers that hold tenant schemas. 'main' is the server of the platform schema
-- itself (data source jdbc/encaptio); every other one is reached through the Liberty data sources
-- jdbc/encaptio-<name> (XA) and jdbc/encaptioMigrations-<name> (DDL), which an operator adds to
-- the server configuration before registering the server here. A new tenant is placed on the
-- server with the fewest tenants per unit of weight; weight 0 takes no new tenants.
CREATE TABLE database_servers (
    name       varchar(40)  PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9-]{0,39}$'),
    weight     integer      NOT NULL DEFAULT 1 CHECK (weight >= 0),
    created_at timestamptz  NOT NULL DEFAULT now()
);
INSERT INTO database_servers (name) VALUES ('main');

-- The server that holds each tenant's schema; every tenant so far lives on 'main'.
ALTER TABLE tenants ADD COLUMN database_server varchar(40) NOT NULL DEFAULT 'main'
    REFERENCES database_servers (name);
-- Why the tenant takes no changes for now (a move between servers), or null: reads are served,
-- writes refused by the database (the tenant's transactions are read-only).
ALTER TABLE tenants ADD COLUMN read_only_reason varchar(200);
CREATE INDEX tenants_by_database_server ON tenants (database_server);
