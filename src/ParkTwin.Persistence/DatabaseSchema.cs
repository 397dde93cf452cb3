using System.Reflection;
using Npgsql;

namespace ParkTwin.Persistence;

/// <summary>
/// The project's PostgreSQL schema: numbered scripts (Schema/NNN_name.sql, embedded) applied in order, each in its
/// own transaction together with its row in <c>parktwin_schema_version</c>. Applying is idempotent and safe to run
/// from several processes at once (an advisory lock serialises them).
/// </summary>
public static class DatabaseSchema
{
    const long LockKey = 0x5061726B5477696EL; // "ParkTwin"

    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> Migrations { get; } = LoadMigrations();

    /// <summary>The schema version this build of ParkTwin needs.</summary>
    public static int CurrentVersion => Migrations[^1].Version;

    /// <summary>Applies every script newer than the database's version; returns the versions applied.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(string connectionString, CancellationToken cancel = default)
    {
        await using var connection = await PgConnection.OpenAsync(connectionString, cancel);
        await Execute(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancel);
        try
        {
            await Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS parktwin_schema_version
                (
                    version    integer      NOT NULL PRIMARY KEY,
                    name       varchar(128) NOT NULL,
                    applied_at timestamptz  NOT NULL DEFAULT now()
                )
                """, cancel);
            var have = await VersionAsync(connection, cancel) ?? 0;
            var applied = new List<int>();
            foreach (var migration in Migrations.Where(m => m.Version > have))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancel);
                await Execute(connection, transaction, migration.Sql, cancel);
                await using (var record = new NpgsqlCommand("INSERT INTO parktwin_schema_version (version, name) VALUES ($1, $2)", connection, transaction))
                {
                    record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
                    record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
                    await record.ExecuteNonQueryAsync(cancel);
                }
                await transaction.CommitAsync(cancel);
                applied.Add(migration.Version);
            }
            return applied;
        }
        finally
        {
            await Execute(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>The database's schema version, or null when ParkTwin's schema was never applied to it.</summary>
    public static async Task<int?> VersionAsync(NpgsqlConnection connection, CancellationToken cancel = default)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('parktwin_schema_version') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancel))!) return null;
        await using var max = new NpgsqlCommand("SELECT max(version) FROM parktwin_schema_version", connection);
        return await max.ExecuteScalarAsync(cancel) is int v ? v : null;
    }

    static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancel)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancel);
    }

    static IReadOnlyList<Migration> LoadMigrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("schema/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n["schema/".Length..^".sql".Length];
                var underscore = file.IndexOf('_');
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new Migration(int.Parse(file[..underscore]), file[(underscore + 1)..], reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToArray();
        for (var i = 0; i < migrations.Length; i++)
            if (migrations[i].Version != i + 1) throw new InvalidOperationException($"schema scripts must be numbered 1, 2, 3, …; found {migrations[i].Version} at position {i + 1}");
        return migrations;
    }
}
