-- The analytics quarters summed per UTC day: a report reads a day of any time zone as the UTC
-- day it mostly falls in, corrected by the quarters of the few hours that belong to the day before
-- or after (UtcDaySplit), so a long range reads about a tenth of the rows the quarters hold
-- (bench analytics). Kept by the analytics-rollup job with the quarters; derived data.
CREATE TABLE analytics_day (
    capsule_id  uuid         NOT NULL REFERENCES capsule (id) ON DELETE CASCADE,
    day         date         NOT NULL,
    kind        varchar(32)  NOT NULL,
    detail      varchar(64)  NOT NULL,
    events      integer      NOT NULL,
    PRIMARY KEY (capsule_id, day, kind, detail)
);
COMMENT ON TABLE analytics_day IS 'derived: analytics quarters per UTC day (analytics-rollup job)';

INSERT INTO analytics_day (capsule_id, day, kind, detail, events)
SELECT capsule_id, CAST(quarter AT TIME ZONE 'UTC' AS date), kind, detail, sum(events)
FROM analytics_quarter GROUP BY 1, 2, 3, 4;
ANALYZE analytics_day;
