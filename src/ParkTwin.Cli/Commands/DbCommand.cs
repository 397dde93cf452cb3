using System.CommandLine;
using ParkTwin.Cli.Hosting;
using ParkTwin.Persistence;

namespace ParkTwin.Cli.Commands;

/// <summary><c>parktwin db init --pg CONN</c>: applies ParkTwin's PostgreSQL schema (idempotent, versioned).</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var pg = StorageOptions.Pg();
        var init = new Command("init", $"Create or upgrade the PostgreSQL schema (grain state, membership, reminders, live time series, runs) to version {DatabaseSchema.CurrentVersion}; safe to repeat") { pg };
        init.SetAction(async (parse, cancel) =>
        {
            var connection = parse.GetValue(pg) ?? "";
            PgConnection.Parse(connection);
            var applied = await DatabaseSchema.ApplyAsync(connection, cancel);
            Console.WriteLine(applied.Count == 0
                ? $"Schema already at version {DatabaseSchema.CurrentVersion}; nothing to do."
                : $"Applied schema version{(applied.Count > 1 ? "s" : "")} {string.Join(", ", applied)}; the database is at version {DatabaseSchema.CurrentVersion}.");
            return 0;
        });
        return new Command("db", "PostgreSQL schema") { init };
    }
}
