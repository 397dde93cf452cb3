namespace ParkTwin.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public void Bench_times_both_engines_and_finds_the_same_books()
    {
        var result = ParktwinProcess.Run("bench", "--scale", "0.02");
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        var lines = result.Stdout.Split('\n');
        // Timings vary from run to run; only the lines' presence is checked.
        foreach (var label in new[] { "decisions and policies:", "flat kernel:", "grains:", "actor tax", "peak memory:" })
            Assert.Contains(lines, l => l.StartsWith(label, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("same books:", StringComparison.Ordinal) && l.TrimEnd().EndsWith("yes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scenario_bench_takes_its_tick_from_the_scenario_and_refuses_one_on_the_command_line()
    {
        var result = ParktwinProcess.Run("bench", "--scenario", "simulations/sichuan-baseline.yaml", "--tick", "week");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--tick: set by the scenario (tick)", result.Stderr);
    }
}
