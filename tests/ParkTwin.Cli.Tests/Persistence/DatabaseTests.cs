using Npgsql;
using ParkTwin.Persistence;

namespace ParkTwin.Cli.Tests.Persistence;

/// <summary>'parktwin db init', and what every command says when the database is not right (exit 2, nothing written).</summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseTests(PostgresServer postgres)
{
    [Fact]
    public async Task Db_init_applies_every_schema_version_once_and_a_second_run_changes_nothing()
    {
        var db = await postgres.CreateDatabaseAsync();
        var first = ParktwinProcess.Run("db", "init", "--pg", db);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains($"at version {DatabaseSchema.CurrentVersion}", first.Stdout);
        var second = ParktwinProcess.Run("db", "init", "--pg", db);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("nothing to do", second.Stdout);
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM parktwin_schema_version", connection);
        Assert.Equal((long)DatabaseSchema.CurrentVersion, await count.ExecuteScalarAsync());
        // Every query key the three ADO.NET providers ask for is there.
        await using var keys = new NpgsqlCommand("SELECT count(*) FROM OrleansQuery", connection);
        Assert.Equal(4L + 9 + 7, await keys.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_wrong_password_exits_2_naming_the_user_and_writes_nothing()
    {
        var db = await postgres.CreateDatabaseAsync();
        var wrong = db.Replace(PostgresServer.Password, "not-the-password");
        var output = ReferenceRun.NewDirectory();
        var result = ParktwinProcess.Run(["simulate", .. ReferenceRun.Scenario, "--storage", "postgres", "--pg", wrong, "--out", output]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("refused user 'postgres'", result.Stderr);
        Assert.Contains("password", result.Stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void An_unreachable_server_exits_2_saying_what_to_check()
    {
        var output = ReferenceRun.NewDirectory();
        var result = ParktwinProcess.Run(["simulate", .. ReferenceRun.Scenario, "--storage", "postgres", "--pg", "Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=2", "--out", output]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot reach PostgreSQL", result.Stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_database_without_the_schema_exits_2_telling_to_run_db_init()
    {
        var db = await postgres.CreateDatabaseAsync();
        var output = ReferenceRun.NewDirectory();
        var result = ParktwinProcess.Run(["simulate", .. ReferenceRun.Scenario, "--storage", "postgres", "--pg", db, "--out", output]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("parktwin db init", result.Stderr);
        Assert.False(Directory.Exists(output));
        var silo = ParktwinProcess.Run("silo", "--pg", db);
        Assert.Equal(2, silo.ExitCode);
        Assert.Contains("has no ParkTwin schema", silo.Stderr);
    }

    [Fact]
    public async Task A_schema_older_than_the_code_exits_2_telling_to_upgrade()
    {
        var db = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, ParktwinProcess.Run("db", "init", "--pg", db).ExitCode);
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync();
            await using var downgrade = new NpgsqlCommand($"DELETE FROM parktwin_schema_version WHERE version = {DatabaseSchema.CurrentVersion}", connection);
            await downgrade.ExecuteNonQueryAsync();
        }
        var result = ParktwinProcess.Run(["simulate", .. ReferenceRun.Scenario, "--storage", "postgres", "--pg", db, "--out", ReferenceRun.NewDirectory()]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"schema version {DatabaseSchema.CurrentVersion - 1}, older than", result.Stderr);
        // db init brings it up to date again.
        Assert.Equal(0, ParktwinProcess.Run("db", "init", "--pg", db).ExitCode);
    }

    [Fact]
    public void Cluster_without_postgres_is_bad_input()
    {
        var result = ParktwinProcess.Run(["simulate", .. ReferenceRun.Scenario, "--cluster"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--cluster", result.Stderr);
    }
}
