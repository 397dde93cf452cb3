using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParkTwin.Domain;

namespace ParkTwin.Cli.Hosting;

/// <summary>A client of a PostgreSQL-backed cluster: finds the silos' gateways in the membership table.</summary>
public sealed class ClusterClient : IGrainHost
{
    readonly IHost host;

    ClusterClient(IHost host) => this.host = host;

    public IGrainFactory Grains => host.Services.GetRequiredService<IClusterClient>();

    public bool IsRemote => true;

    /// <summary>
    /// How long one call may take before the driver treats it as lost (and rolls back): a province tick at scale 1
    /// takes seconds, so the default is generous; PARKTWIN_CALL_TIMEOUT_SECONDS shortens it (the tests do).
    /// </summary>
    public static TimeSpan CallTimeout =>
        TimeSpan.FromSeconds(int.TryParse(StorageOptions.Env("PARKTWIN_CALL_TIMEOUT_SECONDS"), out var s) && s > 0 ? s : 600);

    public static async Task<ClusterClient> ConnectAsync(StorageSettings storage)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Critical);
        builder.UseOrleansClient(client => client.UsePostgresCluster(storage.Pg!, storage.ClusterId, CallTimeout));
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch (Exception e) when (e is OrleansException or Orleans.Runtime.Messaging.ConnectionFailedException or SiloUnavailableException)
        {
            host.Dispose();
            throw new InputException("--cluster", $"no silo of cluster '{storage.ClusterId}' answers ({e.Message}). Start one with: parktwin silo --pg \"<connection string>\" --cluster-id {storage.ClusterId}");
        }
        return new ClusterClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        try { await host.StopAsync(TimeSpan.FromSeconds(5)); }
        catch (Exception e) when (e is OperationCanceledException or OrleansException) { }
        host.Dispose();
    }
}
