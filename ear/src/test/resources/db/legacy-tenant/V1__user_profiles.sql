-- People of this tenant as the product knows them locally; identity itself stays in Keycloak.
CREATE TABLE user_profile (
    subject        varchar(64)  PRIMARY KEY,
    username       varchar(255) NOT NULL,
    display_name   varchar(255),
    email          varchar(320),
    first_seen_at  timestamptz  NOT NULL DEFAULT now(),
    last_seen_at   timestamptz  NOT NULL DEFAULT now(),
    sign_in_count  integer      NOT NULL DEFAULT 0
);
