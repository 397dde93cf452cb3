using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using ParkTwin.Contracts;
using ParkTwin.Grains.State;

namespace ParkTwin.Grains;

/// <summary>Where grain state lives: in memory (the embedded default) or in PostgreSQL through the ADO.NET provider.</summary>
public sealed record GrainStorageChoice(string? PostgresConnectionString)
{
    public static readonly GrainStorageChoice Memory = new((string?)null);

    public bool IsPostgres => PostgresConnectionString is not null;

    /// <summary>The ADO.NET invariant of Npgsql, the name Orleans' providers know PostgreSQL by.</summary>
    public const string NpgsqlInvariant = "Npgsql";
}

public static class SiloSetup
{
    /// <summary>
    /// What every ParkTwin silo needs: the Domain codec, timeouts long enough for a province-wide tick or setup
    /// (a single call to the province grain covers every park and enterprise), and the grain storage.
    /// </summary>
    public static ISiloBuilder AddParkTwin(this ISiloBuilder silo, GrainStorageChoice? storage = null)
    {
        silo.Services.AddParkTwinSerialization();
        silo.Configure<SiloMessagingOptions>(o =>
        {
            o.ResponseTimeout = TimeSpan.FromMinutes(30);
            o.SystemResponseTimeout = TimeSpan.FromMinutes(30);
        });
        silo.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
        // State is written with Orleans' binary serializer (snapshots are mostly arrays of doubles); Domain records
        // inside it go through the JSON codec like every other Domain type.
        silo.Services.AddSingleton<IGrainStorageSerializer>(sp => new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()));
        storage ??= GrainStorageChoice.Memory;
        if (storage.PostgresConnectionString is { } connection)
            silo.AddAdoNetGrainStorage(StateNames.Storage, o =>
            {
                o.Invariant = GrainStorageChoice.NpgsqlInvariant;
                o.ConnectionString = connection;
            });
        else
            silo.AddMemoryGrainStorage(StateNames.Storage);
        return silo;
    }
}
