using System.Net.Sockets;
using Npgsql;
using ParkTwin.Domain;

namespace ParkTwin.Persistence;

/// <summary>
/// Opening PostgreSQL with messages a person can act on. Every failure that is the configuration's fault (bad
/// connection string, server unreachable, wrong password, missing database, schema missing or older than the code)
/// becomes an <see cref="InputException"/>, which the CLI turns into exit code 2 before anything is started or written.
/// </summary>
public static class PgConnection
{
    public const string Option = "--pg";

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancel = default)
    {
        var builder = Parse(connectionString);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancel);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw Explain(e, builder);
        }
    }

    /// <summary>
    /// Checks that the database is reachable and carries this build's schema; called before a silo, a client or a
    /// run starts.
    /// </summary>
    public static async Task CheckReadyAsync(string connectionString, CancellationToken cancel = default)
    {
        await using var connection = await OpenAsync(connectionString, cancel);
        var version = await DatabaseSchema.VersionAsync(connection, cancel);
        var where = Describe(Parse(connectionString));
        if (version is null)
            throw new InputException(Option, $"the database {where} has no ParkTwin schema. Apply it with: parktwin db init --pg \"<connection string>\"");
        if (version < DatabaseSchema.CurrentVersion)
            throw new InputException(Option, $"the database {where} has schema version {version}, older than this parktwin's {DatabaseSchema.CurrentVersion}. Upgrade it with: parktwin db init --pg \"<connection string>\"");
        if (version > DatabaseSchema.CurrentVersion)
            throw new InputException(Option, $"the database {where} has schema version {version}, newer than this parktwin's {DatabaseSchema.CurrentVersion}. Use a newer parktwin");
    }

    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InputException(Option, "a PostgreSQL connection string is required, e.g. \"Host=127.0.0.1;Port=5432;Username=parktwin;Password=…;Database=parktwin\" (or set PARKTWIN_PG)");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            // Fail in seconds, not the default 15 s, when the server is not there.
            if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) builder.Timeout = 5;
            return builder;
        }
        catch (ArgumentException e)
        {
            throw new InputException(Option, $"not a valid PostgreSQL connection string ({e.Message})");
        }
    }

    /// <summary>
    /// The connection string a silo or client hands to Orleans: at most 20 pooled connections unless it says
    /// otherwise, so that several silos and a driver fit in PostgreSQL's default 100 connections.
    /// </summary>
    public static string ForOrleans(string connectionString)
    {
        var builder = Parse(connectionString);
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("PoolSize", StringComparison.OrdinalIgnoreCase))
            builder.MaxPoolSize = 20;
        // Checkpoints are many small transactions: waiting for each one's WAL flush would dominate a run. Without
        // the wait, a PostgreSQL crash can lose only the newest commits, in commit order, and the province's
        // "checkpoint complete" is always committed after its parks' and members' snapshots: what survives is consistent.
        if (string.IsNullOrEmpty(builder.Options)) builder.Options = "-c synchronous_commit=off";
        return builder.ConnectionString;
    }

    static string Describe(NpgsqlConnectionStringBuilder b) => $"'{b.Database ?? b.Username}' at {b.Host}:{b.Port}";

    static InputException Explain(Exception e, NpgsqlConnectionStringBuilder b)
    {
        var where = Describe(b);
        return (e as PostgresException)?.SqlState switch
        {
            "28P01" or "28000" => new InputException(Option, $"PostgreSQL at {b.Host}:{b.Port} refused user '{b.Username}': {((PostgresException)e).MessageText}. Check the username and password in the connection string"),
            "3D000" => new InputException(Option, $"PostgreSQL at {b.Host}:{b.Port} has no database '{b.Database}'. Create it (createdb {b.Database}) and run: parktwin db init --pg \"<connection string>\""),
            _ => new InputException(Option, $"cannot reach PostgreSQL {where}: {e.Message}. Check that the server is running and that host and port in --pg (or PARKTWIN_PG) are right"),
        };
    }
}
