using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using ParkTwin.Contracts;

namespace ParkTwin.Grains;

public static class SiloSetup
{
    /// <summary>
    /// What every ParkTwin silo needs: the Domain codec and timeouts long enough for a province-wide tick or setup
    /// (a single call to the province grain covers every park and enterprise).
    /// </summary>
    public static ISiloBuilder AddParkTwin(this ISiloBuilder silo)
    {
        silo.Services.AddParkTwinSerialization();
        silo.Configure<SiloMessagingOptions>(o =>
        {
            o.ResponseTimeout = TimeSpan.FromMinutes(30);
            o.SystemResponseTimeout = TimeSpan.FromMinutes(30);
        });
        silo.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
        return silo;
    }
}
