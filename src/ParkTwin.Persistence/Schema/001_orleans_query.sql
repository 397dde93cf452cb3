-- The ADO.NET providers of Orleans read their SQL from this table at start-up: one row per query key.
-- Later migrations may replace a query's text (ON CONFLICT … DO UPDATE), never its key.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
