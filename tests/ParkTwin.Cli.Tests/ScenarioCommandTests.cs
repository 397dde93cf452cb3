using System.Text.Json;
using ParkTwin.Simulation.Scenarios;
using ParkTwin.Simulation.Synthetic;

namespace ParkTwin.Cli.Tests;

/// <summary>
/// Runs, started together, of scenario files: a two-year scenario twice (scale 0.02, 2023–2024, month ticks), and a
/// one-year scenario beside the same run through 'simulate' with options.
/// </summary>
public sealed class ScenarioRuns : IDisposable
{
    readonly ScratchDirectory scratch = new();

    public const string TwoYears = """
        name: two-years
        description: a small province over two years
        seed: 42
        province:
          scale: 0.02
        years:
          from: 2023
          to: 2024
        tick: month
        """;

    public const string OneYear = """
        name: one-year
        seed: 42
        province: { scale: 0.02 }
        years: { from: 2023 }
        tick: month
        # 'simulate' without a scenario takes no abatement decisions.
        decisions: false
        """;

    public ScenarioRuns()
    {
        File.WriteAllText(scratch["two-years.yaml"], TwoYears);
        File.WriteAllText(scratch["one-year.yml"], OneYear);
        First = scratch["two-1"];
        Second = scratch["two-2"];
        Single = scratch["one-scenario"];
        Simulate = scratch["one-simulate"];
        var runs = new[]
        {
            Task.Run(() => ParktwinProcess.Run("simulate", scratch["two-years.yaml"], "--out", First)),
            Task.Run(() => ParktwinProcess.Run("simulate", scratch["two-years.yaml"], "--out", Second)),
            Task.Run(() => ParktwinProcess.Run("simulate", scratch["one-year.yml"], "--out", Single)),
            Task.Run(() => ParktwinProcess.Run("simulate", "--scale", "0.02", "--tick", "month", "--out", Simulate)),
        };
        Task.WaitAll(runs);
        Results = runs.Select(r => r.Result).ToArray();
    }

    public string First { get; }
    public string Second { get; }
    public string Single { get; }
    public string Simulate { get; }
    internal ParktwinProcess.Result[] Results { get; }

    public void Dispose() => scratch.Dispose();
}

public sealed class ScenarioRunTests(ScenarioRuns runs) : IClassFixture<ScenarioRuns>
{
    static void AssertSucceeded(ParktwinProcess.Result result, string directory)
    {
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        Assert.Contains($"results in {directory}", result.Stdout);
    }

    static string[] Relative(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToArray();

    static void AssertSameBytes(string expected, string actual)
    {
        Assert.Equal(Relative(expected), Relative(actual));
        foreach (var file in Relative(expected))
        {
            var a = File.ReadAllBytes(Path.Combine(expected, file));
            Assert.True(a.Length > 0, $"{file} is empty");
            Assert.True(a.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} differs between {expected} and {actual}");
        }
    }

    [Fact]
    public void A_two_year_scenario_writes_each_year_in_its_own_directory_and_a_summary_of_the_years()
    {
        AssertSucceeded(runs.Results[0], runs.First);
        var expected = new[] { "2023", "2024" }.SelectMany(y => SimulateRuns.Files.Concat(SimulateRuns.Charts).Select(f => $"{y}/{f}")).Append("summary.json").Order(StringComparer.Ordinal);
        Assert.Equal(expected, Relative(runs.First));
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(runs.First, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal("two-years", root.GetProperty("scenario").GetString());
        var years = root.GetProperty("years").EnumerateArray().ToArray();
        Assert.Equal([2023, 2024], years.Select(y => y.GetProperty("year").GetInt32()));
        foreach (var year in years)
        {
            Assert.True(year.GetProperty("province").GetProperty("enterprises").GetInt32() > 0);
            Assert.Equal(JsonValueKind.Object, year.GetProperty("markets").ValueKind);
        }
        // One set of registries for both years: the second year's totals include the first year's allowances.
        long Issued(JsonElement year) => year.GetProperty("markets").GetProperty("allowances").GetProperty("issued").GetInt64();
        Assert.True(Issued(years[1]) > Issued(years[0]), $"allowances issued by 2024 ({Issued(years[1])}) not above 2023's ({Issued(years[0])})");
        // Each year's own summary is of that year, and the second year's compliance is in its market rows.
        using var second = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(runs.First, "2024", "summary.json")));
        Assert.Equal(2024, second.RootElement.GetProperty("run").GetProperty("year").GetInt32());
        Assert.Contains(",2024,verified_emissions,", File.ReadAllText(Path.Combine(runs.First, "2024", "markets_monthly.csv")));
        Assert.DoesNotContain(",2023-", File.ReadAllText(Path.Combine(runs.First, "2024", "markets_monthly.csv")));
    }

    [Fact]
    public void The_same_scenario_twice_writes_byte_identical_files()
    {
        AssertSucceeded(runs.Results[0], runs.First);
        AssertSucceeded(runs.Results[1], runs.Second);
        AssertSameBytes(runs.First, runs.Second);
    }

    [Fact]
    public void A_one_year_scenario_writes_exactly_what_simulate_writes_with_the_same_options()
    {
        AssertSucceeded(runs.Results[2], runs.Single);
        AssertSucceeded(runs.Results[3], runs.Simulate);
        Assert.Equal(SimulateRuns.Files.Concat(SimulateRuns.Charts).Order(StringComparer.Ordinal), Relative(runs.Single));
        AssertSameBytes(runs.Simulate, runs.Single);
    }
}

public sealed class ScenarioValidateTests
{
    static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ParkTwin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ParkTwin.sln not found above the test binaries");
    }

    static void AssertBadInput(ParktwinProcess.Result result)
    {
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}, expected 2\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error: ", result.Stderr);
    }

    [Fact]
    public void The_shipped_baseline_validates()
    {
        var result = ParktwinProcess.Run("validate", Path.Combine(RepoRoot(), "simulations", "sichuan-baseline.yaml"));
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("valid", lines[0]);
        Assert.Contains("sichuan-baseline: generated province (seed 42, scale 1), 150 parks, 20000 enterprises", lines[1]);
        Assert.Contains("year 2023, day ticks", lines[1]);
    }

    [Fact]
    public void Validate_lists_every_problem_with_its_path_and_line_and_exits_2()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["bad.yaml"], """
            name: bad
            seed: forty-two
            colour: blue
            province:
              scale: 50
              inventory: missing.json
            years: { from: 2023 }
            tick: fortnight
            shocks: [drought]
            """);
        var result = ParktwinProcess.Run("validate", scratch["bad.yaml"]);
        AssertBadInput(result);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"error: {scratch["bad.yaml"]}: 7 problems", lines[0]);
        Assert.Equal(
        [
            "  seed (line 2, column 1): Value is \"string\" but should be \"integer\"",
            "  colour (line 3, column 1): unknown key 'colour'",
            "  province (line 4, column 1): give either scale or inventory, not both",
            "  province.scale (line 5, column 3): 50 should be at most 10",
            $"  province.inventory (line 6, column 3): no such file: {scratch["missing.json"]}",
            "  tick (line 8, column 1): \"fortnight\" is not one of day, week, month",
            "  shocks[0] (line 9, column 10): Value is \"string\" but should be \"object\"",
        ], lines[1..]);
    }

    [Fact]
    public void Simulate_with_a_scenario_naming_unknown_plants_buyers_and_industries_lists_them_and_writes_nothing()
    {
        using var scratch = new ScratchDirectory();
        var plant = ProvinceGenerator.Generate(42, 0.02).Assets.First(a => a.Owner == "grid").Id;
        File.WriteAllText(scratch["contracts.yml"], $"""
            province: {"{"} scale: 0.02 {"}"}
            years: {"{"} from: 2023, to: 2024 {"}"}
            markets:
              greenPower:
                buyers:
                  unobtainium: {"{"} share: 0.5, maxPrice: 300 {"}"}
                bilateral:
                  contracts:
                    - {"{"} seller: NO-SUCH-PLANT, buyer: E00001, annualMWh: 100, price: 300 {"}"}
                    - {"{"} seller: {plant}, buyer: E9999999, annualMWh: 100, price: 300 {"}"}
                    - {"{"} seller: {plant}, buyer: E00001, annualMWh: "lots", price: 300 {"}"}
              carbon:
                msr: {"{"} enable: true {"}"}
            outputs:
              directory: {scratch["out"]}
            """);
        var result = ParktwinProcess.Run("simulate", scratch["contracts.yml"]);
        AssertBadInput(result);
        Assert.Contains("markets.greenPower.buyers.unobtainium (line 6, column 7): no industry 'unobtainium' in the catalogue", result.Stderr);
        Assert.Contains("markets.greenPower.bilateral.contracts[0].seller (line 9, column 13): no grid plant 'NO-SUCH-PLANT' in the province", result.Stderr);
        Assert.Contains("markets.greenPower.bilateral.contracts[1].buyer (line 10, column ", result.Stderr);
        Assert.Contains("no enterprise 'E9999999' in the province", result.Stderr);
        Assert.Contains("markets.greenPower.bilateral.contracts[2].annualMWh (line 11, column ", result.Stderr);
        Assert.Contains("markets.carbon.msr.enable (line 13, column 12): unknown key 'enable'", result.Stderr);
        Assert.Equal(6, result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.False(Directory.Exists(scratch["out"]));
    }

    [Fact]
    public void Options_the_scenario_sets_are_refused_on_the_command_line()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["s.yaml"], ScenarioRuns.OneYear);
        var result = ParktwinProcess.Run("simulate", scratch["s.yaml"], "--tick", "week", "--out", scratch["out"]);
        AssertBadInput(result);
        Assert.Contains("--tick: set by the scenario (tick), not on the command line", result.Stderr);
        Assert.False(Directory.Exists(scratch["out"]));
    }

    [Fact]
    public void Seed_and_scale_on_the_command_line_replace_the_scenarios_own()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch["s.yaml"], ScenarioRuns.OneYear);
        var result = ParktwinProcess.Run("simulate", scratch["s.yaml"], "--seed", "7", "--scale", "0.03", "--out", scratch["out"]);
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.Stderr}");
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(scratch["out"], "summary.json")));
        var run = summary.RootElement.GetProperty("run");
        Assert.Equal(7, run.GetProperty("seed").GetInt32());
        Assert.Equal(0.03, run.GetProperty("scale").GetDouble());
        // 0.03 of 20,000 enterprises (the scenario's own scale is 0.02: 400).
        Assert.Equal(600, summary.RootElement.GetProperty("province").GetProperty("enterprises").GetInt32());

        var bad = ParktwinProcess.Run("simulate", scratch["s.yaml"], "--scale", "99", "--out", scratch["bad"]);
        AssertBadInput(bad);
        Assert.Contains("province.scale", bad.Stderr);
        Assert.False(Directory.Exists(scratch["bad"]));
    }

    [Fact]
    public void The_schema_takes_the_whole_shipped_markets_file_as_a_scenario_markets_section()
    {
        using var scratch = new ScratchDirectory();
        var markets = File.ReadAllLines(Path.Combine(RepoRoot(), "simulations", "data", "markets.yaml")).Select(l => "  " + l);
        File.WriteAllText(scratch["all.yaml"], string.Join('\n', ["province: { scale: 0.02 }", "years: { from: 2023 }", "markets:", .. markets]));
        // Every key of the shipped file is a scenario key, and every industry it names is in the catalogue.
        var scenario = ScenarioLoader.Load(scratch["all.yaml"]);
        Assert.True(scenario.Markets.GreenPower.Buyers.Count > 0);
    }
}
