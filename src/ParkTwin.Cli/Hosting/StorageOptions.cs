using System.CommandLine;
using ParkTwin.Domain;
using ParkTwin.Grains;
using ParkTwin.Persistence;

namespace ParkTwin.Cli.Hosting;

/// <summary>
/// Where a command keeps grain state and finds its cluster. Every option falls back to an environment variable, so
/// a deployment configures it once: PARKTWIN_STORAGE (memory|postgres), PARKTWIN_PG (connection string),
/// PARKTWIN_CLUSTER_ID, PARKTWIN_CHECKPOINT_EVERY.
/// </summary>
public sealed record StorageSettings(string Storage, string? Pg, bool Cluster, string ClusterId, int CheckpointEvery)
{
    public bool IsPostgres => Storage == "postgres";

    public GrainStorageChoice GrainStorage => IsPostgres ? new GrainStorageChoice(Pg!) : GrainStorageChoice.Memory;

    /// <summary>Checks the combination and, for PostgreSQL, that the database is reachable and has this build's schema.</summary>
    public async Task CheckAsync()
    {
        if (CheckpointEvery < 0) throw new InputException("--checkpoint-every", $"must be 0 (never) or a number of ticks (got {CheckpointEvery})");
        if (Cluster && !IsPostgres) throw new InputException("--cluster", "a cluster of silos shares its state and membership in PostgreSQL: add --storage postgres --pg CONN");
        if (!IsPostgres) return;
        await PgConnection.CheckReadyAsync(Pg ?? "");
    }
}

public static class StorageOptions
{
    public static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;

    public static Option<string> Storage()
    {
        var option = new Option<string>("--storage")
        {
            Description = "Where grain state lives: memory (no setup) or postgres (needs --pg); env PARKTWIN_STORAGE",
            DefaultValueFactory = _ => Env("PARKTWIN_STORAGE") ?? "memory",
        };
        option.AcceptOnlyFromAmong("memory", "postgres");
        return option;
    }

    public static Option<string?> Pg() => new("--pg")
    {
        Description = "PostgreSQL connection string, e.g. \"Host=127.0.0.1;Port=5432;Username=parktwin;Password=…;Database=parktwin\"; env PARKTWIN_PG",
        DefaultValueFactory = _ => Env("PARKTWIN_PG"),
    };

    public static Option<string> ClusterId() => new("--cluster-id")
    {
        Description = "Name of the cluster the silos and clients share in PostgreSQL; env PARKTWIN_CLUSTER_ID",
        DefaultValueFactory = _ => Env("PARKTWIN_CLUSTER_ID") ?? "parktwin",
    };

    public static Option<int?> CheckpointEvery() => new("--checkpoint-every")
    {
        Description = "Write every grain's state after every N ticks (0 = never); default 30 with postgres, 0 in memory; env PARKTWIN_CHECKPOINT_EVERY",
        DefaultValueFactory = _ => int.TryParse(Env("PARKTWIN_CHECKPOINT_EVERY"), out var n) ? n : null,
    };

    public static Option<bool> Cluster() => new("--cluster")
    {
        Description = "Run on the silos of a cluster (started with 'parktwin silo') as a client, instead of an embedded silo; needs postgres",
    };

    public static StorageSettings Resolve(string storage, string? pg, bool cluster, string clusterId, int? checkpointEvery)
    {
        // Asking for a cluster only makes sense with PostgreSQL, so --cluster --pg CONN is enough to say so.
        if (cluster && pg is not null) storage = "postgres";
        var every = checkpointEvery ?? (storage == "postgres" ? 30 : 0);
        return new StorageSettings(storage, storage == "postgres" && pg is not null ? PgConnection.ForOrleans(pg) : pg, cluster, clusterId, every);
    }
}
