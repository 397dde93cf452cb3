-- Simulation runs kept in PostgreSQL: what was asked for, so that 'parktwin simulate --resume RUN_ID' can rebuild
-- the same province and continue from the last complete checkpoint.
CREATE TABLE IF NOT EXISTS parktwin_runs
(
    run_id     varchar(128) NOT NULL PRIMARY KEY,
    request    jsonb        NOT NULL,
    started_at timestamptz  NOT NULL DEFAULT now(),
    status     varchar(16)  NOT NULL DEFAULT 'running'
);
