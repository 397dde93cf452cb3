namespace ParkTwin.Cli.Tests.Persistence;

/// <summary>Runs with their grain state in PostgreSQL, in an embedded silo: same outputs as in memory, and resumable after the driver dies.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRunTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_run_checkpointing_to_postgres_writes_the_same_bytes_as_the_in_memory_run()
    {
        var db = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, ParktwinProcess.Run("db", "init", "--pg", db).ExitCode);
        var output = ReferenceRun.NewDirectory();
        var result = ParktwinProcess.RunWithin(TimeSpan.FromSeconds(120), ["simulate", .. ReferenceRun.Scenario, "--storage", "postgres", "--pg", db,
            "--checkpoint-every", "30", "--out", output]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("checkpoint after tick 359 complete", result.Stderr);
        ReferenceRun.AssertSameOutputs(output);
    }

    [Fact]
    public async Task A_run_whose_driver_was_killed_is_finished_by_resume_with_the_same_bytes()
    {
        var db = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, ParktwinProcess.Run("db", "init", "--pg", db).ExitCode);
        var output = ReferenceRun.NewDirectory();
        string runId;
        using (var driver = new RunningParktwin(["simulate", .. ReferenceRun.Scenario, "--storage", "postgres", "--pg", db,
                   "--checkpoint-every", "30", "--out", output]))
        {
            await driver.WaitForLineAsync("checkpoint after tick 119 complete", TimeSpan.FromSeconds(90));
            driver.KillHard();
            runId = ReferenceRun.RunIdIn(driver.Output);
        }
        Assert.False(Directory.Exists(output));

        var resumed = ParktwinProcess.RunWithin(TimeSpan.FromSeconds(120), "simulate", "--resume", runId, "--pg", db);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Matches(@"resuming after the checkpoint of tick (119|149|179)", resumed.Stderr);
        ReferenceRun.AssertSameOutputs(output);
    }

    [Fact]
    public async Task Resuming_an_unknown_run_is_bad_input()
    {
        var db = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, ParktwinProcess.Run("db", "init", "--pg", db).ExitCode);
        var result = ParktwinProcess.Run("simulate", "--resume", "run-nope", "--pg", db);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no run 'run-nope'", result.Stderr);
    }
}
