using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParkTwin.Grains;

namespace ParkTwin.Cli.Hosting;

/// <summary>A one-process Orleans cluster on loopback: the embedded default, in memory, no setup; or with its grain state in PostgreSQL.</summary>
public sealed class EmbeddedCluster : IGrainHost
{
    readonly IHost host;

    EmbeddedCluster(IHost host) => this.host = host;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public bool IsRemote => false;

    public static async Task<EmbeddedCluster> StartAsync(GrainStorageChoice? storage = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Error);
        // Free ports, so that several runs (and tests) can share a machine.
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), FreePort()).AddParkTwin(storage);
            // State in PostgreSQL is keyed by service id: the same as the cluster's, so that 'simulate --resume'
            // finds a run whichever way it was started.
            silo.Configure<Orleans.Configuration.ClusterOptions>(o => o.ServiceId = ClusterConfig.ServiceId);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new EmbeddedCluster(host);
    }

    public static int FreePort()
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
