namespace ParkTwin.Cli.Tests.Persistence;

/// <summary>
/// Three 'parktwin silo' processes sharing membership and state in PostgreSQL, the driver as a client: the outputs
/// are those of a single in-memory silo, also when one silo is killed (kill -9) in the middle of the run.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTests(PostgresServer postgres)
{
    static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(150);

    /// <summary>Three silos up and registered; the caller disposes them (kills them) whatever happens.</summary>
    static async Task<RunningParktwin[]> StartSilosAsync(string db, string clusterId)
    {
        var silos = Enumerable.Range(0, 3).Select(_ => new RunningParktwin("silo", "--pg", db, "--cluster-id", clusterId)).ToArray();
        try
        {
            foreach (var silo in silos) await silo.WaitForLineAsync("silo up", TimeSpan.FromSeconds(60));
            return silos;
        }
        catch
        {
            foreach (var silo in silos) silo.Dispose();
            throw;
        }
    }

    [Fact]
    public async Task Three_silos_give_byte_identical_outputs_to_one_in_memory_silo()
    {
        var db = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, ParktwinProcess.Run("db", "init", "--pg", db).ExitCode);
        var silos = await StartSilosAsync(db, "three");
        try
        {
            var output = ReferenceRun.NewDirectory();
            var result = ParktwinProcess.RunWithin(RunTimeout, ["simulate", .. ReferenceRun.Scenario, "--cluster", "--cluster-id", "three", "--pg", db, "--out", output]);
            Assert.True(result.ExitCode == 0, result.Stderr);
            ReferenceRun.AssertSameOutputs(output);
        }
        finally
        {
            foreach (var silo in silos) silo.Dispose();
        }
    }

    [Fact]
    public async Task Killing_a_silo_mid_run_rolls_back_to_the_last_checkpoint_and_finishes_with_identical_outputs()
    {
        var db = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, ParktwinProcess.Run("db", "init", "--pg", db).ExitCode);
        var silos = await StartSilosAsync(db, "crash");
        try
        {
            var output = ReferenceRun.NewDirectory();
            using var driver = new RunningParktwin(["simulate", .. ReferenceRun.Scenario, "--cluster", "--cluster-id", "crash", "--pg", db,
                "--checkpoint-every", "30", "--out", output]);
            await driver.WaitForLineAsync("checkpoint after tick 89 complete", RunTimeout);
            silos[1].KillHard();
            Assert.Equal(0, await driver.WaitForExitAsync(RunTimeout));
            Assert.Contains("rolled back to the checkpoint after tick", driver.Output);
            ReferenceRun.AssertSameOutputs(output);
        }
        finally
        {
            foreach (var silo in silos) silo.Dispose();
        }
    }
}
