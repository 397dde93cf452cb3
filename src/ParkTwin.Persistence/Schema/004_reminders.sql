-- Reminders (Microsoft.Orleans.Reminders.AdoNet). The ring of silos reads reminders by ranges of grain hash.
CREATE TABLE IF NOT EXISTS orleans_reminders
(
    service_id    varchar(150)  NOT NULL,
    grain_id      varchar(1024) NOT NULL,
    reminder_name varchar(150)  NOT NULL,
    start_time    timestamptz   NOT NULL,
    period        bigint        NOT NULL,
    grain_hash    integer       NOT NULL,
    version       integer       NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX IF NOT EXISTS orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period", version AS "Version"
FROM orleans_reminders WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar
$q$),
('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period", version AS "Version"
FROM orleans_reminders WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar AND reminder_name = @ReminderName::varchar
$q$),
('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period", version AS "Version"
FROM orleans_reminders WHERE service_id = @ServiceId::varchar AND grain_hash > @BeginHash::integer AND grain_hash <= @EndHash::integer
$q$),
-- The range wraps around the ring.
('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period", version AS "Version"
FROM orleans_reminders WHERE service_id = @ServiceId::varchar AND (grain_hash > @BeginHash::integer OR grain_hash <= @EndHash::integer)
$q$),
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId::varchar, @GrainId::varchar, @ReminderName::varchar, @StartTime::timestamptz, @Period::bigint, @GrainHash::integer, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = EXCLUDED.start_time, period = EXCLUDED.period, grain_hash = EXCLUDED.grain_hash, version = orleans_reminders.version + 1
RETURNING version AS "Version"
$q$),
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId::varchar AND grain_id = @GrainId::varchar AND reminder_name = @ReminderName::varchar AND version = @Version::integer
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM deleted)
$q$),
('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId::varchar
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
