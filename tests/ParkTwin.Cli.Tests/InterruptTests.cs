using System.Diagnostics;
using System.Text.Json;

namespace ParkTwin.Cli.Tests;

/// <summary>
/// Ctrl-C: the run stops at the next tick boundary, writes what was simulated with summary.json marked partial and exits 130.
/// One test sends a real SIGINT from outside (kill -INT) once the run has said it is running (skipped where this test
/// process ignores SIGINT, as a background job does: its children inherit that); the others use the hidden
/// PARKTWIN_INTERRUPT_AFTER_TICKS=N, which requests the stop after the N-th tick through the same token as Ctrl-C.
/// </summary>
public sealed class InterruptTests
{
    static ParktwinProcess.Result RunInterrupted(int afterTicks, params string[] args)
    {
        var start = ParktwinProcess.StartInfo(args);
        start.Environment["PARKTWIN_INTERRUPT_AFTER_TICKS"] = afterTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120))) { process.Kill(true); throw new TimeoutException("did not finish"); }
        return new ParktwinProcess.Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    static void AssertInterrupted(ParktwinProcess.Result result, string directory)
    {
        Assert.True(result.ExitCode == 130, $"exit code {result.ExitCode}, expected 130\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        Assert.Contains($"partial results (summary.json \"partial\": true) in {directory}", result.Stderr);
    }

    static (bool Partial, string LastDate) Partial(string summaryFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(summaryFile));
        return (json.RootElement.GetProperty("partial").GetBoolean(), json.RootElement.GetProperty("lastDate").GetString()!);
    }

    [Fact]
    public void Interrupted_simulate_writes_partial_results_and_exits_130()
    {
        using var scratch = new ScratchDirectory();
        var result = RunInterrupted(3, "simulate", "--scale", "0.02", "--tick", "month", "--out", scratch["out"]);
        AssertInterrupted(result, scratch["out"]);
        var (partial, lastDate) = Partial(Path.Combine(scratch["out"], "summary.json"));
        Assert.True(partial);
        Assert.Equal("2023-03-31", lastDate);
        Assert.True(File.Exists(Path.Combine(scratch["out"], "province_monthly.csv")));
        Assert.True(File.Exists(Path.Combine(scratch["out"], "report.html")));
    }

    [Fact]
    public void A_complete_run_has_no_partial_mark()
    {
        using var scratch = new ScratchDirectory();
        var result = ParktwinProcess.Run("simulate", "--scale", "0.02", "--tick", "month", "--engine", "flat", "--out", scratch["out"]);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(scratch["out"], "summary.json")));
        Assert.False(json.RootElement.TryGetProperty("partial", out _));
        Assert.False(json.RootElement.TryGetProperty("lastDate", out _));
    }

    [Fact]
    public void Interrupted_two_year_scenario_stops_in_the_first_year_and_marks_its_summary_partial()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["two.yaml"], ScenarioRuns.TwoYears);
        var result = RunInterrupted(2, "simulate", scratch["two.yaml"], "--out", scratch["out"]);
        AssertInterrupted(result, scratch["out"]);
        Assert.True(Partial(Path.Combine(scratch["out"], "summary.json")).Partial);
        Assert.True(Partial(Path.Combine(scratch["out"], "2023", "summary.json")).Partial);
        Assert.False(Directory.Exists(Path.Combine(scratch["out"], "2024")));
    }

    [Fact]
    public void Interrupted_sweep_writes_sweep_csv_of_what_ran_and_exits_130()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["s.yaml"], ScenarioRuns.OneYear);
        var result = RunInterrupted(2, "sweep", scratch["s.yaml"], "--param", "markets.carbon.allocationFactor=0.9,1.0", "--seeds", "2", "--out", scratch["out"]);
        Assert.True(result.ExitCode == 130, $"exit code {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        var lines = File.ReadAllLines(Path.Combine(scratch["out"], "sweep.csv"));
        Assert.Equal(5, lines.Length);
        // The two cases running when the interruption came are partial; the others did not start.
        Assert.Equal(2, lines.Count(l => l.Contains(",interrupted,", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.Contains(",not run,", StringComparison.Ordinal)));
    }
}
