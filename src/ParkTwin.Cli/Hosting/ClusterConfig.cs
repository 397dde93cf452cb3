using Orleans.Configuration;
using ParkTwin.Contracts;
using ParkTwin.Grains;

namespace ParkTwin.Cli.Hosting;

/// <summary>What silos and clients of one PostgreSQL-backed cluster agree on.</summary>
public static class ClusterConfig
{
    /// <summary>Grain state is keyed by service: every ParkTwin cluster on a database shares it, so a run survives a new cluster id.</summary>
    public const string ServiceId = "parktwin";

    public static ISiloBuilder UsePostgresCluster(this ISiloBuilder silo, string connectionString, string clusterId)
    {
        silo.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = ServiceId; });
        silo.UseAdoNetClustering(o => { o.Invariant = GrainStorageChoice.NpgsqlInvariant; o.ConnectionString = connectionString; });
        silo.UseAdoNetReminderService(o => { o.Invariant = GrainStorageChoice.NpgsqlInvariant; o.ConnectionString = connectionString; });
        // Declare a silo dead within seconds (the defaults take about a minute): a run that lost a silo then rolls
        // back and goes on quickly. Two missed probes of one second each, and the votes of the survivors.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        });
        return silo;
    }

    public static IClientBuilder UsePostgresCluster(this IClientBuilder client, string connectionString, string clusterId, TimeSpan callTimeout)
    {
        client.Services.AddParkTwinSerialization();
        client.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = ServiceId; });
        client.UseAdoNetClustering(o => { o.Invariant = GrainStorageChoice.NpgsqlInvariant; o.ConnectionString = connectionString; });
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = callTimeout);
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        return client;
    }
}
