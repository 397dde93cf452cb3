-- Grain state (Microsoft.Orleans.Persistence.AdoNet). A state is identified by the provider's hashes and keys
-- plus the state name (GrainTypeString: each ParkTwin grain type has a state name of its own) and the service.
-- Version is the ETag: every write must name the version it read, and gets version + 1 back.
CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    grain_id_hash   integer       NOT NULL,
    grain_id_n0     bigint        NOT NULL,
    grain_id_n1     bigint        NOT NULL,
    grain_type_hash integer       NOT NULL,
    state_name      varchar(512)  NOT NULL,
    grain_key       varchar(1024) NOT NULL,
    service_id      varchar(150)  NOT NULL,
    payload         bytea,
    modified_on     timestamptz   NOT NULL DEFAULT now(),
    version         integer       NOT NULL,
    CONSTRAINT orleans_grain_state_key UNIQUE (grain_id_hash, grain_type_hash, service_id, state_name, grain_key, grain_id_n0, grain_id_n1)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE grain_id_hash = @GrainIdHash::integer AND grain_type_hash = @GrainTypeHash::integer
  AND service_id = @ServiceId::varchar AND state_name = @GrainTypeString::varchar
  AND grain_key = COALESCE(@GrainIdExtensionString::varchar, '')
  AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
$q$),
-- A first write (no version) inserts version 1; a later one updates only if the version still matches. Either way
-- one row comes back: the new version, or NULL when another writer got there first (the provider reports that).
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state
    SET payload = @PayloadBinary::bytea, version = version + 1, modified_on = now()
    WHERE @GrainStateVersion::integer IS NOT NULL AND version = @GrainStateVersion::integer
      AND grain_id_hash = @GrainIdHash::integer AND grain_type_hash = @GrainTypeHash::integer
      AND service_id = @ServiceId::varchar AND state_name = @GrainTypeString::varchar
      AND grain_key = COALESCE(@GrainIdExtensionString::varchar, '')
      AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
    RETURNING version),
inserted AS (
    INSERT INTO orleans_grain_state (grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, state_name, grain_key, service_id, payload, version)
    SELECT @GrainIdHash::integer, @GrainIdN0::bigint, @GrainIdN1::bigint, @GrainTypeHash::integer, @GrainTypeString::varchar,
           COALESCE(@GrainIdExtensionString::varchar, ''), @ServiceId::varchar, @PayloadBinary::bytea, 1
    WHERE @GrainStateVersion::integer IS NULL
    ON CONFLICT ON CONSTRAINT orleans_grain_state_key DO NOTHING
    RETURNING version)
SELECT (SELECT version FROM updated UNION ALL SELECT version FROM inserted LIMIT 1) AS "NewGrainStateVersion"
$q$),
('ClearStorageKey', $q$
UPDATE orleans_grain_state
SET payload = NULL, version = version + 1, modified_on = now()
WHERE version = @GrainStateVersion::integer
  AND grain_id_hash = @GrainIdHash::integer AND grain_type_hash = @GrainTypeHash::integer
  AND service_id = @ServiceId::varchar AND state_name = @GrainTypeString::varchar
  AND grain_key = COALESCE(@GrainIdExtensionString::varchar, '')
  AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
RETURNING version
$q$),
('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
WHERE version = @GrainStateVersion::integer
  AND grain_id_hash = @GrainIdHash::integer AND grain_type_hash = @GrainTypeHash::integer
  AND service_id = @ServiceId::varchar AND state_name = @GrainTypeString::varchar
  AND grain_key = COALESCE(@GrainIdExtensionString::varchar, '')
  AND grain_id_n0 = @GrainIdN0::bigint AND grain_id_n1 = @GrainIdN1::bigint
RETURNING version + 1
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
