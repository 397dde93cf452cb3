namespace ParkTwin.Cli.Tests;

/// <summary>A 2 × 2 sweep (two allocation factors × two seeds, scale 0.02, month ticks, one year), run twice.</summary>
public sealed class SweepRuns : IDisposable
{
    readonly ScratchDirectory scratch = new();

    public SweepRuns()
    {
        File.WriteAllText(scratch["s.yaml"], ScenarioRuns.OneYear);
        First = scratch["sweep-1"];
        Second = scratch["sweep-2"];
        string[] Args(string dir) => ["sweep", scratch["s.yaml"], "--param", "markets.carbon.allocationFactor=0.9,1.0", "--seeds", "2", "--out", dir];
        var runs = new[]
        {
            Task.Run(() => ParktwinProcess.RunWithin(TimeSpan.FromSeconds(180), Args(First))),
            Task.Run(() => ParktwinProcess.RunWithin(TimeSpan.FromSeconds(180), Args(Second))),
        };
        Task.WaitAll(runs);
        Results = runs.Select(r => r.Result).ToArray();
    }

    public string First { get; }
    public string Second { get; }
    internal ParktwinProcess.Result[] Results { get; }

    public void Dispose() => scratch.Dispose();
}

public sealed class SweepCommandTests(SweepRuns runs) : IClassFixture<SweepRuns>
{
    static readonly string[] Cases =
        ["allocationFactor-0.9_seed-42", "allocationFactor-0.9_seed-43", "allocationFactor-1.0_seed-42", "allocationFactor-1.0_seed-43"];

    [Fact]
    public void A_2x2_sweep_runs_four_cases_and_writes_a_row_for_each()
    {
        var result = runs.Results[0];
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        Assert.Contains($"results in {runs.First}", result.Stdout);
        Assert.Equal(Cases, Directory.GetDirectories(runs.First).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var c in Cases)
        {
            Assert.True(File.Exists(Path.Combine(runs.First, c, "summary.json")), $"{c}/summary.json missing");
            Assert.True(File.Exists(Path.Combine(runs.First, c, "scenario.yaml")), $"{c}/scenario.yaml missing");
        }
        var lines = File.ReadAllLines(Path.Combine(runs.First, "sweep.csv"));
        Assert.StartsWith("case,markets.carbon.allocationFactor,seed,year,status,", lines[0]);
        Assert.Contains("energy_tce,scope1_tco2,scope2_market_tco2,carbon_per_energy_tco2_per_tce", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Equal(Cases, lines[1..].Select(l => l.Split(',')[0]));
        Assert.Equal(["0.9,42", "0.9,43", "1.0,42", "1.0,43"], lines[1..].Select(l => string.Join(',', l.Split(',')[1..3])));
        Assert.All(lines[1..], l => Assert.Equal("2023,done", string.Join(',', l.Split(',')[3..5])));
        // Each seed is its own province: the seeds differ, the allocation factor does not change the energy.
        string Energy(int row) => lines[row].Split(',')[8];
        Assert.NotEqual(Energy(1), Energy(2));
        Assert.Equal(Energy(1), Energy(3));
    }

    [Fact]
    public void The_same_sweep_twice_writes_an_identical_sweep_csv()
    {
        Assert.Equal(0, runs.Results[0].ExitCode);
        Assert.Equal(0, runs.Results[1].ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(runs.First, "sweep.csv")), File.ReadAllBytes(Path.Combine(runs.Second, "sweep.csv")));
    }
}

public sealed class SweepBadInputTests
{
    [Fact]
    public void Bad_paths_values_and_seeds_are_all_listed_with_exit_2_and_nothing_is_written()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["s.yaml"], ScenarioRuns.OneYear);
        var result = ParktwinProcess.Run("sweep", scratch["s.yaml"], "--param", "markets.carbon.allocationFactr=0.9",
            "--param", "markets.carbon.allocationFactor=0.9,abc,-1", "--param", "tick.every=2", "--seeds", "0", "--out", scratch["out"]);
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        Assert.Equal("", result.Stdout);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"error: {scratch["s.yaml"]}: 5 problems", lines[0]);
        Assert.Equal(
        [
            "  --seeds 0: must be at least 1",
            "  --param tick.every: not a scenario key: tick is a value, not a mapping of keys",
            "  --param markets.carbon.allocationFactr=0.9: markets.carbon.allocationFactr: unknown key 'allocationFactr'",
            "  --param markets.carbon.allocationFactor=abc: markets.carbon.allocationFactor: Value is \"string\" but should be \"number\"",
            "  --param markets.carbon.allocationFactor=-1: markets.carbon.allocationFactor: -1 should be at least 0",
        ], lines[1..]);
        Assert.False(Directory.Exists(scratch["out"]));
    }

    [Fact]
    public void Seed_is_not_a_param()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["s.yaml"], ScenarioRuns.OneYear);
        var result = ParktwinProcess.Run("sweep", scratch["s.yaml"], "--param", "seed=1,2", "--out", scratch["out"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--param seed: the seeds are set by --seeds", result.Stderr);
        Assert.False(Directory.Exists(scratch["out"]));
    }
}

/// <summary>A sweep over one policy of the timeline (a list item by index), with the decisions' columns in sweep.csv.</summary>
public sealed class PolicySweepTests
{
    const string Taxed = """
        name: taxed
        seed: 42
        province: { scale: 0.02 }
        years: { from: 2023 }
        tick: month
        policies:
          - { kind: carbon-tax, from: 2023, rate: 0, target: { industries: [cement, steel, chemicals, ferroalloy] } }
        """;

    [Fact]
    public void A_sweep_over_a_policy_rate_writes_the_tax_collected_and_the_adoption_of_each_case()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["s.yaml"], Taxed);
        var result = ParktwinProcess.RunWithin(TimeSpan.FromSeconds(180), "sweep", scratch["s.yaml"], "--param", "policies.0.rate=0,300", "--out", scratch["out"]);
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        var lines = File.ReadAllLines(Path.Combine(scratch["out"], "sweep.csv"));
        var header = lines[0].Split(',');
        Assert.Equal(3, lines.Length);
        string Cell(int row, string column) => lines[row].Split(',')[Array.IndexOf(header, column)];
        double Number(int row, string column) => double.Parse(Cell(row, column), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["rate-0_seed-42", "rate-300_seed-42"], lines[1..].Select(l => l.Split(',')[0]));
        Assert.Equal(0, Number(1, "carbon_tax_cny"));
        Assert.True(Number(2, "carbon_tax_cny") > 0);
        Assert.True(Number(1, "adoptions") > 0, "enterprises adopt profitable options without a tax too");
        // A tax adds value to every tonne abated: never less abatement adopted, and here more.
        Assert.True(Number(2, "abatement_adopted_tco2_per_yr") > Number(1, "abatement_adopted_tco2_per_yr"));
    }

    [Fact]
    public void An_index_past_the_end_of_the_list_is_refused_with_exit_2()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["s.yaml"], Taxed);
        var result = ParktwinProcess.Run("sweep", scratch["s.yaml"], "--param", "policies.3.rate=1", "--out", scratch["out"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("policies is a list of 1; '3' is not one of its indexes 0–0", result.Stderr);
        Assert.False(Directory.Exists(scratch["out"]));
    }
}
