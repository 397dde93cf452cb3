using System.CommandLine;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParkTwin.Cli.Hosting;
using ParkTwin.Domain;
using ParkTwin.Grains;
using ParkTwin.Persistence;

namespace ParkTwin.Cli.Commands;

/// <summary>
/// <c>parktwin silo --pg CONN</c>: a silo that joins the cluster recorded in PostgreSQL and hosts grains until it
/// is stopped (Ctrl+C, SIGTERM). Drivers and the API reach the cluster as clients (<c>simulate --cluster</c>).
/// </summary>
public static class SiloCommand
{
    public static Command Create()
    {
        var pg = StorageOptions.Pg();
        var clusterId = StorageOptions.ClusterId();
        var advertise = new Option<string>("--advertise") { Description = "Address other silos and clients reach this one at: an IP, or 'auto' (this host's first non-loopback IPv4)", DefaultValueFactory = _ => StorageOptions.Env("PARKTWIN_ADVERTISE") ?? "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Silo-to-silo port (0 = a free one)", DefaultValueFactory = _ => 0 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients connect to (0 = a free one)", DefaultValueFactory = _ => 0 };
        var command = new Command("silo", "Run a silo of a PostgreSQL-backed cluster until stopped") { pg, clusterId, advertise, port, gatewayPort };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(pg) ?? "", parse.GetValue(clusterId)!, parse.GetValue(advertise)!,
            parse.GetValue(port), parse.GetValue(gatewayPort), cancel));
        return command;
    }

    static async Task<int> RunAsync(string pg, string clusterId, string advertise, int port, int gatewayPort, CancellationToken cancel)
    {
        var address = Address(advertise);
        await PgConnection.CheckReadyAsync(pg, cancel);
        pg = PgConnection.ForOrleans(pg);
        var siloPort = port == 0 ? EmbeddedCluster.FreePort() : port;
        var clientPort = gatewayPort == 0 ? EmbeddedCluster.FreePort() : gatewayPort;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .ConfigureEndpoints(address, siloPort, clientPort, listenOnAnyHostAddress: true)
            .UsePostgresCluster(pg, clusterId)
            .AddParkTwin(new GrainStorageChoice(pg)));
        using var host = builder.Build();
        await host.StartAsync(cancel);
        Console.WriteLine($"silo up: cluster {clusterId}, {address}:{siloPort}, gateway {clientPort}; stop with Ctrl+C");
        await host.WaitForShutdownAsync(cancel);
        return 0;
    }

    static IPAddress Address(string advertise)
    {
        if (advertise == "auto")
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new InputException("--advertise", "no network interface with an IPv4 address; give the address explicitly");
        return IPAddress.TryParse(advertise, out var ip) ? ip : throw new InputException("--advertise", $"'{advertise}' is not an IP address (or 'auto')");
    }
}
