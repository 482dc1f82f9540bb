-- Chat models a tenant configures (provider, model, address, API key sealed with AES-GCM under the
-- platform's secrets key, limits and prices), and which of them each capsule answers with: a
-- fallback chain, optionally a second chain (B) taking a share of the conversations.
CREATE TABLE chat_model (
    id                     uuid         PRIMARY KEY,
    name                   varchar(80)  NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    provider               varchar(16)  NOT NULL
                           CHECK (provider IN ('openai', 'anthropic', 'gemini', 'ollama')),
    model                  varchar(120) NOT NULL,
    base_url               varchar(500),
    api_key_sealed         text,
    api_key_hint           varchar(8),
    timeout_seconds        integer      NOT NULL CHECK (timeout_seconds BETWEEN 1 AND 300),
    temperature            real         NOT NULL CHECK (temperature BETWEEN 0 AND 2),
    max_output_tokens      integer      NOT NULL CHECK (max_output_tokens BETWEEN 16 AND 32000),
    input_price_micros     bigint       NOT NULL DEFAULT 0 CHECK (input_price_micros >= 0),
    output_price_micros    bigint       NOT NULL DEFAULT 0 CHECK (output_price_micros >= 0),
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL
);

ALTER TABLE capsule ADD COLUMN model_routing text;
