using Orleans.Configuration;
using Orleans.TestingHost;
using ParkTwin.Contracts;
using ParkTwin.Grains;
using ParkTwin.Grains.Markets;

namespace ParkTwin.Twins.Tests.Markets;

/// <summary>One in-process silo with the ParkTwin grains and the memory grain storage the market grains persist to.</summary>
public sealed class MarketClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddParkTwin());
        builder.ConfigureClient(client =>
        {
            client.Services.AddParkTwinSerialization();
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(2));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>A world no other test uses.</summary>
    public static string World(string name) => $"m-{name}-{Guid.NewGuid():N}";
}
