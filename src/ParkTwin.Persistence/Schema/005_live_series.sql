-- Live-world time series: meter readings and hourly values per twin, written in bulk (binary COPY) and read by
-- the operator API and Grafana. No primary key: rows are appended in batches; the index serves "one twin, one
-- metric, a time range" and the BRIN index "everything in a time range".
CREATE TABLE IF NOT EXISTS live_series
(
    twin   varchar(128)     NOT NULL,
    metric varchar(64)      NOT NULL,
    at     timestamptz      NOT NULL,
    value  double precision NOT NULL,
    unit   varchar(16)      NOT NULL
);
CREATE INDEX IF NOT EXISTS live_series_by_twin ON live_series (twin, metric, at);
CREATE INDEX IF NOT EXISTS live_series_by_time ON live_series USING brin (at);
