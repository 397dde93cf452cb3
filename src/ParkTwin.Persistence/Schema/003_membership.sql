-- Cluster membership (Microsoft.Orleans.Clustering.AdoNet). The version row of a cluster is the table's ETag:
-- inserting or updating a member must name the version read, and bumps it, atomically with the member row.
CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    changed_at    timestamptz  NOT NULL DEFAULT now(),
    version       integer      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   varchar(150)  NOT NULL REFERENCES orleans_membership_version (deployment_id),
    address         varchar(45)   NOT NULL,
    port            integer       NOT NULL,
    generation      integer       NOT NULL,
    silo_name       varchar(150)  NOT NULL,
    host_name       varchar(150)  NOT NULL,
    status          integer       NOT NULL,
    proxy_port      integer,
    suspect_times   varchar(8000),
    start_time      timestamptz   NOT NULL,
    i_am_alive_time timestamptz   NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Locks the version row if it still has the expected version, inserts the member, then bumps the version.
CREATE OR REPLACE FUNCTION parktwin_insert_member(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer, p_silo_name varchar,
    p_host_name varchar, p_status integer, p_proxy_port integer, p_start_time timestamptz, p_i_am_alive_time timestamptz,
    p_version integer) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN
    PERFORM 1 FROM orleans_membership_version WHERE deployment_id = p_deployment_id AND version = p_version FOR UPDATE;
    IF NOT FOUND THEN RETURN false; END IF;
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN RETURN false; END IF;
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now() WHERE deployment_id = p_deployment_id;
    RETURN true;
END $f$;

CREATE OR REPLACE FUNCTION parktwin_update_member(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer, p_status integer,
    p_suspect_times varchar, p_i_am_alive_time timestamptz, p_version integer) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN
    PERFORM 1 FROM orleans_membership_version WHERE deployment_id = p_deployment_id AND version = p_version FOR UPDATE;
    IF NOT FOUND THEN RETURN false; END IF;
    UPDATE orleans_membership SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
    WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN RETURN false; END IF;
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now() WHERE deployment_id = p_deployment_id;
    RETURN true;
END $f$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId::varchar)
    ON CONFLICT DO NOTHING RETURNING 1)
SELECT EXISTS (SELECT 1 FROM inserted)
$q$),
('InsertMembershipKey', $q$
SELECT parktwin_insert_member(@DeploymentId::varchar, @Address::varchar, @Port::integer, @Generation::integer, @SiloName::varchar,
    @HostName::varchar, @Status::integer, @ProxyPort::integer, @StartTime::timestamptz, @IAmAliveTime::timestamptz, @Version::integer)
$q$),
('UpdateMembershipKey', $q$
SELECT parktwin_update_member(@DeploymentId::varchar, @Address::varchar, @Port::integer, @Generation::integer, @Status::integer,
    @SuspectTimes::varchar, @IAmAliveTime::timestamptz, @Version::integer)
$q$),
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime::timestamptz
WHERE deployment_id = @DeploymentId::varchar AND address = @Address::varchar AND port = @Port::integer AND generation = @Generation::integer
$q$),
-- Both reads return the version row even without members (a LEFT JOIN): the provider takes the version from row one.
('MembershipReadAllKey', $q$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId::varchar
$q$),
('MembershipReadRowKey', $q$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
    AND m.address = @Address::varchar AND m.port = @Port::integer AND m.generation = @Generation::integer
WHERE v.deployment_id = @DeploymentId::varchar
$q$),
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId::varchar AND status = @Status::integer AND proxy_port > 0
$q$),
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId::varchar;
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId::varchar;
$q$),
-- Only silos declared dead (status 6) that stopped answering before the given time are removed.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId::varchar AND i_am_alive_time < @IAmAliveTime::timestamptz AND status = 6
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
