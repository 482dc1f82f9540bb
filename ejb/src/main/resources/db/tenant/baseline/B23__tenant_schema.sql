-- A new tenant's schema as migrations V1 to V23 leave it, written by `encaptio.sh baseline`
-- (liberty-config/scripts/tenant-baseline.sh) from pg_dump; do not edit by hand. Flyway runs the
-- newest baseline for a schema without history instead of the migrations it covers, with the
-- tenant's schema first on the search path; schemas made from it keep it in their history.
SET LOCAL check_function_bodies = false;

CREATE FUNCTION audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION keyword_impact(tf integer, term_count integer, average_length double precision) RETURNS real
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (((((tf)::numeric * 2.2))::double precision / ((tf)::double precision + ((1.2)::double precision * ((0.25)::double precision + (((0.75 * (term_count)::numeric))::double precision / GREATEST(average_length, (1)::double precision)))))))::real;

CREATE FUNCTION keyword_index_added() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO keyword_stats AS s (capsule_id, chunks, terms, text_search)
    SELECT capsule_id, count(*), sum(term_count), (array_agg(text_search))[1]
      FROM added GROUP BY capsule_id ORDER BY capsule_id
    ON CONFLICT (capsule_id) DO UPDATE
        SET chunks = s.chunks + excluded.chunks, terms = s.terms + excluded.terms,
            generation = s.generation + 1, text_search = excluded.text_search;
    INSERT INTO capsule_model_chunks AS m (capsule_id, model, chunks)
    SELECT capsule_id, model, count(*) FROM added GROUP BY capsule_id, model ORDER BY 1, 2
    ON CONFLICT (capsule_id, model) DO UPDATE SET chunks = m.chunks + excluded.chunks;
    INSERT INTO keyword_term AS k (capsule_id, term, chunks)
    SELECT a.capsule_id, t.lexeme, count(*) FROM added a, unnest(a.tsv) t
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (capsule_id, term) DO UPDATE SET chunks = k.chunks + excluded.chunks;
    INSERT INTO chunk_term (capsule_id, term, impact, chunk_id, tf, term_count)
    SELECT a.capsule_id, t.lexeme,
           keyword_impact(coalesce(array_length(t.positions, 1), 1), a.term_count,
                          s.terms::double precision / greatest(s.chunks, 1)),
           a.id, least(coalesce(array_length(t.positions, 1), 1), 32767), a.term_count
      FROM added a JOIN keyword_stats s ON s.capsule_id = a.capsule_id, unnest(a.tsv) t;
    RETURN NULL;
END
$$;

CREATE FUNCTION keyword_index_removed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO keyword_stats AS s (capsule_id, chunks, terms)
    SELECT capsule_id, -count(*), -sum(term_count) FROM removed GROUP BY capsule_id
     ORDER BY capsule_id
    ON CONFLICT (capsule_id) DO UPDATE
        SET chunks = s.chunks + excluded.chunks, terms = s.terms + excluded.terms,
            generation = s.generation + 1;
    INSERT INTO capsule_model_chunks AS m (capsule_id, model, chunks)
    SELECT capsule_id, model, -count(*) FROM removed GROUP BY capsule_id, model ORDER BY 1, 2
    ON CONFLICT (capsule_id, model) DO UPDATE SET chunks = m.chunks + excluded.chunks;
    INSERT INTO keyword_term AS k (capsule_id, term, chunks)
    SELECT r.capsule_id, t.lexeme, -count(*) FROM removed r, unnest(r.tsv) t
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (capsule_id, term) DO UPDATE SET chunks = k.chunks + excluded.chunks;
    DELETE FROM chunk_term c USING removed r WHERE c.chunk_id = r.id;
    -- Terms and models no chunk has any more (a removed item or capsule) leave no rows behind.
    DELETE FROM keyword_term k
     USING (SELECT DISTINCT r.capsule_id, t.lexeme FROM removed r, unnest(r.tsv) t) gone
     WHERE k.capsule_id = gone.capsule_id AND k.term = gone.lexeme AND k.chunks <= 0;
    DELETE FROM capsule_model_chunks m USING (SELECT DISTINCT capsule_id FROM removed) gone
     WHERE m.capsule_id = gone.capsule_id AND m.chunks <= 0;
    RETURN NULL;
END
$$;

CREATE FUNCTION keyword_length(document tsvector) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT (COALESCE(sum(COALESCE(array_length(t.positions, 1), 1)), (0)::bigint))::integer AS "coalesce" FROM unnest(keyword_length.document) t(lexeme, positions, weights));

CREATE FUNCTION text_search_of(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (CASE lower(COALESCE(language, 'en'::text)) WHEN 'en'::text THEN 'english'::text WHEN 'de'::text THEN 'german'::text WHEN 'fr'::text THEN 'french'::text WHEN 'es'::text THEN 'spanish'::text WHEN 'it'::text THEN 'italian'::text WHEN 'pt'::text THEN 'portuguese'::text WHEN 'nl'::text THEN 'dutch'::text WHEN 'sv'::text THEN 'swedish'::text WHEN 'da'::text THEN 'danish'::text WHEN 'no'::text THEN 'norwegian'::text WHEN 'nb'::text THEN 'norwegian'::text WHEN 'fi'::text THEN 'finnish'::text WHEN 'ru'::text THEN 'russian'::text WHEN 'tr'::text THEN 'turkish'::text WHEN 'hu'::text THEN 'hungarian'::text WHEN 'ro'::text THEN 'romanian'::text ELSE 'simple'::text END)::regconfig;

CREATE TABLE analytics_day (
    capsule_id uuid NOT NULL,
    day date NOT NULL,
    kind character varying(32) NOT NULL,
    detail character varying(64) NOT NULL,
    events integer NOT NULL
);

COMMENT ON TABLE analytics_day IS 'derived: analytics quarters per UTC day (analytics-rollup job)';

CREATE TABLE analytics_event (
    id uuid NOT NULL,
    capsule_id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    conversation_id uuid,
    message_id uuid,
    detail text,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE analytics_quarter (
    capsule_id uuid NOT NULL,
    quarter timestamp with time zone NOT NULL,
    kind character varying(32) NOT NULL,
    detail character varying(64) NOT NULL,
    events integer NOT NULL
);

COMMENT ON TABLE analytics_quarter IS 'derived: analytics events per quarter hour (analytics-rollup job)';

CREATE TABLE analytics_rollup (
    id boolean DEFAULT true NOT NULL,
    rolled_until timestamp with time zone NOT NULL,
    rolled_at timestamp with time zone NOT NULL,
    CONSTRAINT analytics_rollup_id_check CHECK (id)
);

COMMENT ON TABLE analytics_rollup IS 'derived: how far the analytics events are rolled up';

CREATE TABLE analytics_visitor_quarter (
    capsule_id uuid NOT NULL,
    quarter timestamp with time zone NOT NULL,
    visitor character varying(80) NOT NULL
);

COMMENT ON TABLE analytics_visitor_quarter IS 'derived: visitors seen per quarter hour (analytics-rollup job)';

CREATE TABLE audit_log (
    id uuid NOT NULL,
    at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    actor_kind character varying(16) NOT NULL,
    actor_subject character varying(64),
    actor_name character varying(255),
    actor_role character varying(16),
    action character varying(64) NOT NULL,
    target character varying(255),
    capsule_id character varying(36),
    address character varying(64),
    detail text
);

CREATE TABLE capsule (
    id uuid NOT NULL,
    name character varying(120) NOT NULL,
    status character varying(16) NOT NULL,
    template character varying(40) NOT NULL,
    draft_settings text NOT NULL,
    published_version integer,
    published_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    revision bigint DEFAULT 0 NOT NULL,
    embedding_model character varying(64) NOT NULL,
    chunk_tokens integer NOT NULL,
    chunk_overlap integer NOT NULL,
    retrieval_settings text,
    model_routing text,
    allowed_origins text DEFAULT '[]'::text NOT NULL,
    require_embed_token boolean DEFAULT false NOT NULL,
    embed_secret text,
    team_id uuid,
    CONSTRAINT capsule_chunk_overlap_check CHECK ((chunk_overlap >= 0)),
    CONSTRAINT capsule_chunk_tokens_check CHECK ((chunk_tokens > 0)),
    CONSTRAINT capsule_name_check CHECK ((length(TRIM(BOTH FROM name)) > 0)),
    CONSTRAINT capsule_status_check CHECK ((status IN ('draft', 'published', 'archived', 'deleted')))
);

CREATE TABLE capsule_asset (
    id uuid NOT NULL,
    capsule_id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    media_type character varying(64) NOT NULL,
    bytes bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT capsule_asset_kind_check CHECK ((kind IN ('logo', 'avatar')))
);

CREATE TABLE capsule_model_chunks (
    capsule_id uuid NOT NULL,
    model character varying(64) NOT NULL,
    chunks integer NOT NULL
);

COMMENT ON TABLE capsule_model_chunks IS 'derived: kept by the chunk triggers';

CREATE TABLE capsule_version (
    id uuid NOT NULL,
    capsule_id uuid NOT NULL,
    number integer NOT NULL,
    name character varying(120) NOT NULL,
    settings text NOT NULL,
    published_by character varying(255) NOT NULL,
    published_at timestamp with time zone NOT NULL,
    restored_from integer,
    CONSTRAINT capsule_version_number_check CHECK ((number > 0))
);

CREATE TABLE chat_model (
    id uuid NOT NULL,
    name character varying(80) NOT NULL,
    provider character varying(16) NOT NULL,
    model character varying(120) NOT NULL,
    base_url character varying(500),
    api_key_sealed text,
    api_key_hint character varying(8),
    timeout_seconds integer NOT NULL,
    temperature real NOT NULL,
    max_output_tokens integer NOT NULL,
    input_price_micros bigint DEFAULT 0 NOT NULL,
    output_price_micros bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT chat_model_input_price_micros_check CHECK ((input_price_micros >= 0)),
    CONSTRAINT chat_model_max_output_tokens_check CHECK (((max_output_tokens >= 16) AND (max_output_tokens <= 32000))),
    CONSTRAINT chat_model_name_check CHECK ((length(TRIM(BOTH FROM name)) > 0)),
    CONSTRAINT chat_model_output_price_micros_check CHECK ((output_price_micros >= 0)),
    CONSTRAINT chat_model_provider_check CHECK ((provider IN ('openai', 'anthropic', 'gemini', 'ollama'))),
    CONSTRAINT chat_model_temperature_check CHECK (((temperature >= (0)::double precision) AND (temperature <= (2)::double precision))),
    CONSTRAINT chat_model_timeout_seconds_check CHECK (((timeout_seconds >= 1) AND (timeout_seconds <= 300)))
);

CREATE TABLE chunk (
    id uuid NOT NULL,
    content_item_id uuid NOT NULL,
    capsule_id uuid NOT NULL,
    ordinal integer NOT NULL,
    text text NOT NULL,
    heading_path text,
    page integer,
    "position" text,
    model character varying(64) NOT NULL,
    embedding public.vector(384) NOT NULL,
    sentence_vectors bytea,
    text_search regconfig DEFAULT 'english'::regconfig NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector(text_search, (COALESCE((heading_path || '
'::text), ''::text) || text))) STORED,
    term_count integer GENERATED ALWAYS AS (keyword_length(to_tsvector(text_search, (COALESCE((heading_path || '
'::text), ''::text) || text)))) STORED
);

CREATE TABLE chunk_term (
    capsule_id uuid NOT NULL,
    term text NOT NULL,
    impact real NOT NULL,
    chunk_id uuid NOT NULL,
    tf smallint NOT NULL,
    term_count integer NOT NULL
);

COMMENT ON TABLE chunk_term IS 'derived: kept by the chunk triggers';

CREATE TABLE content_blob (
    content_item_id uuid NOT NULL,
    bytes bytea NOT NULL
);

CREATE TABLE content_item (
    id uuid NOT NULL,
    capsule_id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    title character varying(200) NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    media_type character varying(255),
    size_bytes bigint,
    sha256 character(64),
    stage character varying(16) DEFAULT 'queued'::character varying NOT NULL,
    progress integer DEFAULT 0 NOT NULL,
    error text,
    chunk_count integer DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    source_url text,
    crawl_depth integer,
    crawl_max_pages integer,
    sync_hours integer,
    next_sync_at timestamp with time zone,
    last_synced_at timestamp with time zone,
    sync_failures integer DEFAULT 0 NOT NULL,
    sync_error text,
    page_count integer DEFAULT 0 NOT NULL,
    fetched_sha256 character(64),
    indexed_at timestamp with time zone,
    tags text DEFAULT '[]'::text NOT NULL,
    language character varying(8),
    CONSTRAINT content_item_crawl_depth_check CHECK (((crawl_depth >= 0) AND (crawl_depth <= 5))),
    CONSTRAINT content_item_crawl_max_pages_check CHECK (((crawl_max_pages >= 1) AND (crawl_max_pages <= 500))),
    CONSTRAINT content_item_kind_check CHECK ((kind IN ('text', 'faq', 'file', 'url'))),
    CONSTRAINT content_item_progress_check CHECK (((progress >= 0) AND (progress <= 100))),
    CONSTRAINT content_item_stage_check CHECK ((stage IN ('queued', 'parsing', 'chunking', 'embedding', 'ready', 'failed'))),
    CONSTRAINT content_item_sync_hours_check CHECK ((sync_hours > 0)),
    CONSTRAINT content_item_url_source CHECK ((((kind)::text = 'url'::text) = ((source_url IS NOT NULL) AND (crawl_depth IS NOT NULL) AND (crawl_max_pages IS NOT NULL))))
);

CREATE TABLE conversation (
    id uuid NOT NULL,
    capsule_id uuid NOT NULL,
    channel character varying(16) NOT NULL,
    started_by character varying(255) NOT NULL,
    started_at timestamp with time zone NOT NULL,
    last_at timestamp with time zone NOT NULL,
    visitor_id character varying(80),
    origin character varying(255),
    CONSTRAINT conversation_channel_check CHECK ((channel IN ('playground', 'share', 'widget', 'api')))
);

CREATE TABLE golden_question (
    id uuid NOT NULL,
    capsule_id uuid NOT NULL,
    question text NOT NULL,
    expected_facts text NOT NULL,
    should_refuse boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT golden_question_question_check CHECK ((length(TRIM(BOTH FROM question)) > 0))
);

CREATE TABLE golden_result (
    id uuid NOT NULL,
    run_id uuid NOT NULL,
    question_id uuid NOT NULL,
    question text NOT NULL,
    passed boolean NOT NULL,
    outcome character varying(16) NOT NULL,
    answer text NOT NULL,
    missing text NOT NULL,
    change character varying(8) NOT NULL,
    CONSTRAINT golden_result_change_check CHECK ((change IN ('new', 'same', 'broke', 'fixed')))
);

CREATE TABLE golden_run (
    id uuid NOT NULL,
    capsule_id uuid NOT NULL,
    trigger character varying(16) NOT NULL,
    status character varying(16) NOT NULL,
    queued_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    passed integer DEFAULT 0 NOT NULL,
    failed integer DEFAULT 0 NOT NULL,
    error text,
    CONSTRAINT golden_run_status_check CHECK ((status IN ('queued', 'running', 'done', 'failed'))),
    CONSTRAINT golden_run_trigger_check CHECK ((trigger IN ('publish', 'reindex', 'manual')))
);

CREATE TABLE keyword_stats (
    capsule_id uuid NOT NULL,
    chunks integer NOT NULL,
    terms bigint NOT NULL,
    generation bigint DEFAULT 1 NOT NULL,
    text_search regconfig DEFAULT 'english'::regconfig NOT NULL
);

COMMENT ON TABLE keyword_stats IS 'derived: kept by the chunk triggers';

CREATE TABLE keyword_term (
    capsule_id uuid NOT NULL,
    term text NOT NULL,
    chunks integer NOT NULL
);

COMMENT ON TABLE keyword_term IS 'derived: kept by the chunk triggers';

CREATE TABLE lead (
    id uuid NOT NULL,
    capsule_id uuid NOT NULL,
    email character varying(254),
    name character varying(200),
    phone character varying(40),
    company character varying(200),
    message text,
    consent text NOT NULL,
    submissions integer DEFAULT 1 NOT NULL,
    first_at timestamp with time zone NOT NULL,
    last_at timestamp with time zone NOT NULL,
    CONSTRAINT lead_check CHECK (((email IS NOT NULL) OR (phone IS NOT NULL))),
    CONSTRAINT lead_email_check CHECK (((email)::text = lower((email)::text)))
);

CREATE TABLE lead_conversation (
    lead_id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    submitted_at timestamp with time zone NOT NULL
);

CREATE TABLE message (
    id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    ordinal integer NOT NULL,
    role character varying(16) NOT NULL,
    text text NOT NULL,
    standalone text,
    outcome character varying(16),
    citations text,
    model character varying(160),
    variant character(1),
    cached boolean DEFAULT false NOT NULL,
    input_tokens integer DEFAULT 0 NOT NULL,
    output_tokens integer DEFAULT 0 NOT NULL,
    cost_micros bigint DEFAULT 0 NOT NULL,
    latency_ms integer,
    feedback smallint,
    capsule_version integer,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT message_feedback_check CHECK ((feedback = ANY (ARRAY['-1'::integer, 1]))),
    CONSTRAINT message_outcome_check CHECK ((outcome IN ('answered', 'hedged', 'refused', 'greeting', 'small-talk', 'out-of-scope'))),
    CONSTRAINT message_role_check CHECK ((role IN ('visitor', 'assistant'))),
    CONSTRAINT message_variant_check CHECK ((variant = ANY (ARRAY['a'::bpchar, 'b'::bpchar])))
);

CREATE TABLE notification (
    id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    capsule_id uuid,
    dedupe_key character varying(200) NOT NULL,
    params text NOT NULL,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE notification_delivery (
    id uuid NOT NULL,
    notification_id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    channel character varying(16) NOT NULL,
    recipient character varying(255) NOT NULL,
    status character varying(16) NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    last_error character varying(1000),
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    read_at timestamp with time zone,
    CONSTRAINT notification_delivery_channel_check CHECK ((channel IN ('in_app', 'email', 'slack', 'teams'))),
    CONSTRAINT notification_delivery_status_check CHECK ((status IN ('pending', 'sent', 'failed', 'skipped')))
);

CREATE TABLE notification_hook (
    id uuid NOT NULL,
    channel character varying(16) NOT NULL,
    name character varying(100) NOT NULL,
    sealed_url text NOT NULL,
    url_hint character varying(300) NOT NULL,
    kinds character varying(500) NOT NULL,
    language character varying(8) NOT NULL,
    created_by character varying(255) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT notification_hook_channel_check CHECK ((channel IN ('slack', 'teams'))),
    CONSTRAINT notification_hook_language_check CHECK ((language IN ('en', 'de', 'fr', 'es')))
);

CREATE TABLE notification_language (
    owner character varying(255) NOT NULL,
    language character varying(8) NOT NULL,
    CONSTRAINT notification_language_language_check CHECK ((language IN ('en', 'de', 'fr', 'es')))
);

CREATE TABLE notification_preference (
    owner character varying(255) NOT NULL,
    kind character varying(32) NOT NULL,
    channel character varying(16) NOT NULL,
    enabled boolean NOT NULL,
    CONSTRAINT notification_preference_channel_check CHECK ((channel IN ('in_app', 'email')))
);

CREATE TABLE organization_security (
    id boolean DEFAULT true NOT NULL,
    mfa_required boolean DEFAULT false NOT NULL,
    sso_alias character varying(100),
    sso_domain character varying(253),
    sso_required boolean DEFAULT false NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT organization_security_id_check CHECK (id)
);

CREATE TABLE outbox_event (
    id uuid NOT NULL,
    kind character varying(64) NOT NULL,
    capsule_id uuid,
    payload text NOT NULL,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE question_cluster (
    id uuid NOT NULL,
    capsule_id uuid NOT NULL,
    model character varying(160) NOT NULL,
    vector_sum public.vector(384) NOT NULL,
    answer_type character varying(16) NOT NULL,
    size integer NOT NULL,
    label text NOT NULL,
    first_at timestamp with time zone NOT NULL,
    last_at timestamp with time zone NOT NULL,
    faq_item_id uuid,
    answered_at timestamp with time zone,
    answered_by character varying(255),
    resolved_at timestamp with time zone,
    dismissed_at timestamp with time zone,
    CONSTRAINT question_cluster_size_check CHECK ((size > 0))
);

CREATE TABLE question_cluster_member (
    message_id uuid NOT NULL,
    answer_id uuid NOT NULL,
    cluster_id uuid NOT NULL,
    capsule_id uuid NOT NULL,
    question text NOT NULL,
    question_key text NOT NULL,
    answered boolean NOT NULL,
    disliked boolean DEFAULT false NOT NULL,
    asked_at timestamp with time zone NOT NULL
);

CREATE TABLE team (
    id uuid NOT NULL,
    name character varying(80) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE team_member (
    team_id uuid NOT NULL,
    subject character varying(64) NOT NULL
);

CREATE TABLE user_profile (
    subject character varying(64) NOT NULL,
    username character varying(255) NOT NULL,
    display_name character varying(255),
    email character varying(320),
    first_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    sign_in_count integer DEFAULT 0 NOT NULL,
    role character varying(16) DEFAULT 'member'::character varying NOT NULL,
    status character varying(16) DEFAULT 'active'::character varying NOT NULL,
    invited_by character varying(255),
    invited_at timestamp with time zone,
    invitation_sets_password boolean DEFAULT false NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT user_profile_role_check CHECK ((role IN ('owner', 'admin', 'editor', 'analyst', 'member'))),
    CONSTRAINT user_profile_status_check CHECK ((status IN ('invited', 'active', 'deactivated', 'removed')))
);

ALTER TABLE ONLY analytics_day
    ADD CONSTRAINT analytics_day_pkey PRIMARY KEY (capsule_id, day, kind, detail);

ALTER TABLE ONLY analytics_event
    ADD CONSTRAINT analytics_event_pkey PRIMARY KEY (id);

ALTER TABLE ONLY analytics_quarter
    ADD CONSTRAINT analytics_quarter_pkey PRIMARY KEY (capsule_id, quarter, kind, detail);

ALTER TABLE ONLY analytics_rollup
    ADD CONSTRAINT analytics_rollup_pkey PRIMARY KEY (id);

ALTER TABLE ONLY analytics_visitor_quarter
    ADD CONSTRAINT analytics_visitor_quarter_pkey PRIMARY KEY (capsule_id, quarter, visitor);

ALTER TABLE ONLY audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);

ALTER TABLE ONLY capsule_asset
    ADD CONSTRAINT capsule_asset_pkey PRIMARY KEY (id);

ALTER TABLE ONLY capsule_model_chunks
    ADD CONSTRAINT capsule_model_chunks_pkey PRIMARY KEY (capsule_id, model);

ALTER TABLE ONLY capsule
    ADD CONSTRAINT capsule_pkey PRIMARY KEY (id);

ALTER TABLE ONLY capsule_version
    ADD CONSTRAINT capsule_version_capsule_id_number_key UNIQUE (capsule_id, number);

ALTER TABLE ONLY capsule_version
    ADD CONSTRAINT capsule_version_pkey PRIMARY KEY (id);

ALTER TABLE ONLY chat_model
    ADD CONSTRAINT chat_model_name_key UNIQUE (name);

ALTER TABLE ONLY chat_model
    ADD CONSTRAINT chat_model_pkey PRIMARY KEY (id);

ALTER TABLE ONLY chunk
    ADD CONSTRAINT chunk_content_item_id_ordinal_key UNIQUE (content_item_id, ordinal);

ALTER TABLE ONLY chunk
    ADD CONSTRAINT chunk_pkey PRIMARY KEY (id);

ALTER TABLE ONLY content_blob
    ADD CONSTRAINT content_blob_pkey PRIMARY KEY (content_item_id);

ALTER TABLE ONLY content_item
    ADD CONSTRAINT content_item_pkey PRIMARY KEY (id);

ALTER TABLE ONLY conversation
    ADD CONSTRAINT conversation_pkey PRIMARY KEY (id);

ALTER TABLE ONLY golden_question
    ADD CONSTRAINT golden_question_pkey PRIMARY KEY (id);

ALTER TABLE ONLY golden_result
    ADD CONSTRAINT golden_result_pkey PRIMARY KEY (id);

ALTER TABLE ONLY golden_result
    ADD CONSTRAINT golden_result_run_id_question_id_key UNIQUE (run_id, question_id);

ALTER TABLE ONLY golden_run
    ADD CONSTRAINT golden_run_pkey PRIMARY KEY (id);

ALTER TABLE ONLY keyword_stats
    ADD CONSTRAINT keyword_stats_pkey PRIMARY KEY (capsule_id);

ALTER TABLE ONLY keyword_term
    ADD CONSTRAINT keyword_term_pkey PRIMARY KEY (capsule_id, term);

ALTER TABLE ONLY lead
    ADD CONSTRAINT lead_capsule_id_email_key UNIQUE (capsule_id, email);

ALTER TABLE ONLY lead_conversation
    ADD CONSTRAINT lead_conversation_pkey PRIMARY KEY (lead_id, conversation_id);

ALTER TABLE ONLY lead
    ADD CONSTRAINT lead_pkey PRIMARY KEY (id);

ALTER TABLE ONLY message
    ADD CONSTRAINT message_conversation_id_ordinal_key UNIQUE (conversation_id, ordinal);

ALTER TABLE ONLY message
    ADD CONSTRAINT message_pkey PRIMARY KEY (id);

ALTER TABLE ONLY notification
    ADD CONSTRAINT notification_dedupe_key_key UNIQUE (dedupe_key);

ALTER TABLE ONLY notification_delivery
    ADD CONSTRAINT notification_delivery_notification_id_channel_recipient_key UNIQUE (notification_id, channel, recipient);

ALTER TABLE ONLY notification_delivery
    ADD CONSTRAINT notification_delivery_pkey PRIMARY KEY (id);

ALTER TABLE ONLY notification_hook
    ADD CONSTRAINT notification_hook_pkey PRIMARY KEY (id);

ALTER TABLE ONLY notification_language
    ADD CONSTRAINT notification_language_pkey PRIMARY KEY (owner);

ALTER TABLE ONLY notification
    ADD CONSTRAINT notification_pkey PRIMARY KEY (id);

ALTER TABLE ONLY notification_preference
    ADD CONSTRAINT notification_preference_pkey PRIMARY KEY (owner, kind, channel);

ALTER TABLE ONLY organization_security
    ADD CONSTRAINT organization_security_pkey PRIMARY KEY (id);

ALTER TABLE ONLY outbox_event
    ADD CONSTRAINT outbox_event_pkey PRIMARY KEY (id);

ALTER TABLE ONLY question_cluster_member
    ADD CONSTRAINT question_cluster_member_pkey PRIMARY KEY (message_id);

ALTER TABLE ONLY question_cluster
    ADD CONSTRAINT question_cluster_pkey PRIMARY KEY (id);

ALTER TABLE ONLY team_member
    ADD CONSTRAINT team_member_pkey PRIMARY KEY (team_id, subject);

ALTER TABLE ONLY team
    ADD CONSTRAINT team_pkey PRIMARY KEY (id);

ALTER TABLE ONLY user_profile
    ADD CONSTRAINT user_profile_pkey PRIMARY KEY (subject);

CREATE INDEX analytics_event_capsule ON analytics_event USING btree (capsule_id, kind, created_at DESC);

CREATE INDEX analytics_event_conversation ON analytics_event USING btree (conversation_id, kind) WHERE (conversation_id IS NOT NULL);

CREATE INDEX analytics_event_created ON analytics_event USING btree (created_at);

CREATE INDEX audit_log_action ON audit_log USING btree (action, at DESC, id DESC);

CREATE INDEX audit_log_actor ON audit_log USING btree (actor_subject, at DESC, id DESC);

CREATE INDEX audit_log_at ON audit_log USING btree (at DESC, id DESC);

CREATE INDEX audit_log_capsule ON audit_log USING btree (capsule_id, at DESC, id DESC) WHERE (capsule_id IS NOT NULL);

CREATE INDEX capsule_asset_of_capsule ON capsule_asset USING btree (capsule_id);

CREATE INDEX capsule_listing ON capsule USING btree (created_at DESC) WHERE ((status)::text <> 'deleted'::text);

CREATE INDEX chunk_capsule ON chunk USING btree (capsule_id);

CREATE INDEX chunk_embedding ON chunk USING hnsw (embedding public.vector_cosine_ops);

CREATE INDEX chunk_term_chunk ON chunk_term USING btree (chunk_id);

CREATE INDEX chunk_term_postings ON chunk_term USING btree (capsule_id, term, impact DESC) INCLUDE (chunk_id, tf, term_count);

CREATE INDEX content_item_capsule ON content_item USING btree (capsule_id, created_at);

CREATE UNIQUE INDEX content_item_same_file ON content_item USING btree (capsule_id, sha256) WHERE (sha256 IS NOT NULL);

CREATE UNIQUE INDEX content_item_same_url ON content_item USING btree (capsule_id, source_url) WHERE (source_url IS NOT NULL);

CREATE INDEX conversation_capsule ON conversation USING btree (capsule_id, last_at DESC);

CREATE INDEX golden_question_capsule ON golden_question USING btree (capsule_id, created_at);

CREATE INDEX golden_run_capsule ON golden_run USING btree (capsule_id, queued_at DESC);

CREATE INDEX lead_capsule ON lead USING btree (capsule_id, last_at DESC);

CREATE INDEX lead_conversation_conversation ON lead_conversation USING btree (conversation_id);

CREATE UNIQUE INDEX lead_phone ON lead USING btree (capsule_id, phone) WHERE (email IS NULL);

CREATE INDEX notification_delivery_digest ON notification_delivery USING btree (recipient, kind, sent_at) WHERE ((channel)::text = 'email'::text);

CREATE INDEX notification_delivery_inbox ON notification_delivery USING btree (recipient, created_at DESC) WHERE ((channel)::text = 'in_app'::text);

CREATE INDEX notification_delivery_log ON notification_delivery USING btree (created_at DESC) WHERE ((channel)::text <> 'in_app'::text);

CREATE INDEX notification_delivery_unread ON notification_delivery USING btree (recipient) WHERE (((channel)::text = 'in_app'::text) AND (read_at IS NULL));

CREATE INDEX outbox_event_kind ON outbox_event USING btree (kind, created_at DESC);

CREATE INDEX question_cluster_capsule ON question_cluster USING btree (capsule_id, model);

CREATE UNIQUE INDEX question_cluster_member_answer ON question_cluster_member USING btree (answer_id);

CREATE INDEX question_cluster_member_asked ON question_cluster_member USING btree (capsule_id, asked_at);

CREATE INDEX question_cluster_member_cluster ON question_cluster_member USING btree (cluster_id, asked_at DESC);

CREATE INDEX question_cluster_member_key ON question_cluster_member USING btree (capsule_id, question_key);

CREATE INDEX question_cluster_vector ON question_cluster USING hnsw (vector_sum public.vector_cosine_ops);

CREATE INDEX team_member_subject ON team_member USING btree (subject);

CREATE UNIQUE INDEX team_name ON team USING btree (lower((name)::text));

CREATE INDEX user_profile_email ON user_profile USING btree (lower((email)::text));

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_update_or_delete BEFORE DELETE OR UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER chunk_keywords_added AFTER INSERT ON chunk REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION keyword_index_added();

CREATE TRIGGER chunk_keywords_removed AFTER DELETE ON chunk REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION keyword_index_removed();

ALTER TABLE ONLY analytics_day
    ADD CONSTRAINT analytics_day_capsule_id_fkey FOREIGN KEY (capsule_id) REFERENCES capsule(id) ON DELETE CASCADE;

ALTER TABLE ONLY analytics_event
    ADD CONSTRAINT analytics_event_capsule_id_fkey FOREIGN KEY (capsule_id) REFERENCES capsule(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY analytics_quarter
    ADD CONSTRAINT analytics_quarter_capsule_id_fkey FOREIGN KEY (capsule_id) REFERENCES capsule(id) ON DELETE CASCADE;

ALTER TABLE ONLY analytics_visitor_quarter
    ADD CONSTRAINT analytics_visitor_quarter_capsule_id_fkey FOREIGN KEY (capsule_id) REFERENCES capsule(id) ON DELETE CASCADE;

ALTER TABLE ONLY capsule_asset
    ADD CONSTRAINT capsule_asset_capsule_id_fkey FOREIGN KEY (capsule_id) REFERENCES capsule(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY capsule
    ADD CONSTRAINT capsule_team_id_fkey FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE SET NULL DEFERRABLE;

ALTER TABLE ONLY capsule_version
    ADD CONSTRAINT capsule_version_capsule_id_fkey FOREIGN KEY (capsule_id) REFERENCES capsule(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY chunk
    ADD CONSTRAINT chunk_content_item_id_fkey FOREIGN KEY (content_item_id) REFERENCES content_item(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY content_blob
    ADD CONSTRAINT content_blob_content_item_id_fkey FOREIGN KEY (content_item_id) REFERENCES content_item(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY content_item
    ADD CONSTRAINT content_item_capsule_id_fkey FOREIGN KEY (capsule_id) REFERENCES capsule(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY conversation
    ADD CONSTRAINT conversation_capsule_id_fkey FOREIGN KEY (capsule_id) REFERENCES capsule(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY golden_question
    ADD CONSTRAINT golden_question_capsule_id_fkey FOREIGN KEY (capsule_id) REFERENCES capsule(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY golden_result
    ADD CONSTRAINT golden_result_run_id_fkey FOREIGN KEY (run_id) REFERENCES golden_run(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY golden_run
    ADD CONSTRAINT golden_run_capsule_id_fkey FOREIGN KEY (capsule_id) REFERENCES capsule(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY lead
    ADD CONSTRAINT lead_capsule_id_fkey FOREIGN KEY (capsule_id) REFERENCES capsule(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY lead_conversation
    ADD CONSTRAINT lead_conversation_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES conversation(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY lead_conversation
    ADD CONSTRAINT lead_conversation_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES lead(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY message
    ADD CONSTRAINT message_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES conversation(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY notification
    ADD CONSTRAINT notification_capsule_id_fkey FOREIGN KEY (capsule_id) REFERENCES capsule(id) ON DELETE CASCADE;

ALTER TABLE ONLY notification_delivery
    ADD CONSTRAINT notification_delivery_notification_id_fkey FOREIGN KEY (notification_id) REFERENCES notification(id) ON DELETE CASCADE;

ALTER TABLE ONLY question_cluster
    ADD CONSTRAINT question_cluster_capsule_id_fkey FOREIGN KEY (capsule_id) REFERENCES capsule(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY question_cluster_member
    ADD CONSTRAINT question_cluster_member_cluster_id_fkey FOREIGN KEY (cluster_id) REFERENCES question_cluster(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY question_cluster_member
    ADD CONSTRAINT question_cluster_member_message_id_fkey FOREIGN KEY (message_id) REFERENCES message(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE ONLY team_member
    ADD CONSTRAINT team_member_subject_fkey FOREIGN KEY (subject) REFERENCES user_profile(subject) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY team_member
    ADD CONSTRAINT team_member_team_id_fkey FOREIGN KEY (team_id) REFERENCES team(id) ON DELETE CASCADE DEFERRABLE;

ALTER FUNCTION keyword_index_added() SET search_path FROM CURRENT;
ALTER FUNCTION keyword_index_removed() SET search_path FROM CURRENT;
SET LOCAL check_function_bodies TO DEFAULT;
