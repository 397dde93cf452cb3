using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParkTwin.Grains;
using ParkTwin.Grains.Markets;

namespace ParkTwin.Cli.Hosting;

/// <summary>A one-process Orleans cluster on loopback, in memory: the embedded default, no setup.</summary>
public sealed class EmbeddedCluster : IAsyncDisposable
{
    readonly IHost host;

    EmbeddedCluster(IHost host) => this.host = host;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<EmbeddedCluster> StartAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Error);
        // Free ports, so that several runs (and tests) can share a machine.
        // The market grains keep their registries in grain storage "parktwin": in memory here.
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort()).AddParkTwin().AddMemoryGrainStorage(MarketStorage.Provider));
        var host = builder.Build();
        await host.StartAsync();
        return new EmbeddedCluster(host);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
