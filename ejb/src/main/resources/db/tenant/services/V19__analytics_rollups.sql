-- Analytics roll-ups: the analytics events counted per capsule and quarter of an hour (every time
-- zone's days begin on a quarter hour, so days in any zone are sums of whole quarters), by kind and
-- detail (the channel of an open, the outcome of an answer, the sign of a feedback, a button's
-- label, a message's intent; none for the rest), and the visitors seen in each quarter. The
-- analytics-rollup job keeps them current; the analytics service reads only these, never the raw
-- events. Derived data: left out of tenant archives and rebuilt from the events after an import.
CREATE TABLE analytics_quarter (
    capsule_id  uuid         NOT NULL REFERENCES capsule (id) ON DELETE CASCADE,
    quarter     timestamptz  NOT NULL,
    kind        varchar(32)  NOT NULL,
    detail      varchar(64)  NOT NULL,
    events      integer      NOT NULL,
    PRIMARY KEY (capsule_id, quarter, kind, detail)
);
COMMENT ON TABLE analytics_quarter IS 'derived: analytics events per quarter hour (analytics-rollup job)';

CREATE TABLE analytics_visitor_quarter (
    capsule_id  uuid         NOT NULL REFERENCES capsule (id) ON DELETE CASCADE,
    quarter     timestamptz  NOT NULL,
    visitor     varchar(80)  NOT NULL,
    PRIMARY KEY (capsule_id, quarter, visitor)
);
COMMENT ON TABLE analytics_visitor_quarter IS 'derived: visitors seen per quarter hour (analytics-rollup job)';

-- One row: the quarters before rolled_until are rolled up (later ones may be partial).
CREATE TABLE analytics_rollup (
    id            boolean      PRIMARY KEY DEFAULT true CHECK (id),
    rolled_until  timestamptz  NOT NULL,
    rolled_at     timestamptz  NOT NULL
);
COMMENT ON TABLE analytics_rollup IS 'derived: how far the analytics events are rolled up';

-- the roll-up reads the events of its window by time
CREATE INDEX analytics_event_created ON analytics_event (created_at);
