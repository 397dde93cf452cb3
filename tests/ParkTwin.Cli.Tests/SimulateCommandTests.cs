using System.Text.Json;
using ParkTwin.Domain.Inventory;
using ParkTwin.Simulation.Synthetic;

namespace ParkTwin.Cli.Tests;

/// <summary>A scratch directory under the system temp directory, deleted with everything in it.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "parktwin-tests", "cli-" + Guid.NewGuid().ToString("N"));

    public ScratchDirectory() => Directory.CreateDirectory(Root);

    public string this[string name] => Path.Combine(Root, name);

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}

/// <summary>
/// Three runs of <c>parktwin simulate --scale 0.02</c>, started together: twice through the grains (the default) and
/// once through the flat kernel, each into its own directory. The tests compare what they wrote.
/// </summary>
public sealed class SimulateRuns : IDisposable
{
    public static readonly string[] Files =
    [
        "enterprises_monthly.csv", "enterprises_monthly.parquet",
        "markets_monthly.csv", "markets_monthly.parquet",
        "parks_monthly.csv", "parks_monthly.parquet",
        "province_monthly.csv", "province_monthly.parquet",
        "report.html", "summary.json",
    ];

    /// <summary>The charts under charts/, sorted.</summary>
    public static readonly string[] Charts =
        ["charts/adoption.png", "charts/carbon_per_energy.png", "charts/emissions_by_scope.png", "charts/green_power_share.png", "charts/market_prices.png"];

    /// <summary>Every file a run writes, relative to its directory.</summary>
    public static IEnumerable<string> AllFiles => Files.Concat(Charts);

    /// <summary>The files of a run directory, relative to it, with '/' separators, sorted.</summary>
    public static string[] ListFiles(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();

    readonly ScratchDirectory scratch = new();

    public SimulateRuns()
    {
        First = scratch["grains-1"];
        Second = scratch["grains-2"];
        Flat = scratch["flat"];
        var runs = new[]
        {
            Task.Run(() => ParktwinProcess.Run("simulate", "--scale", "0.02", "--out", First)),
            Task.Run(() => ParktwinProcess.Run("simulate", "--scale", "0.02", "--out", Second)),
            Task.Run(() => ParktwinProcess.Run("simulate", "--scale", "0.02", "--engine", "flat", "--out", Flat)),
        };
        Task.WaitAll(runs);
        Results = runs.Select(r => r.Result).ToArray();
    }

    public string First { get; }
    public string Second { get; }
    public string Flat { get; }
    internal ParktwinProcess.Result[] Results { get; }

    public void Dispose() => scratch.Dispose();
}

public sealed class SimulateCommandTests(SimulateRuns runs) : IClassFixture<SimulateRuns>
{
    static void AssertSucceeded(ParktwinProcess.Result result, string directory)
    {
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        Assert.Contains($"results in {directory}", result.Stdout);
        Assert.Equal(SimulateRuns.AllFiles.Order(StringComparer.Ordinal), SimulateRuns.ListFiles(directory));
    }

    static void AssertSameBytes(string expectedDirectory, string actualDirectory)
    {
        foreach (var file in SimulateRuns.AllFiles)
        {
            var expected = File.ReadAllBytes(Path.Combine(expectedDirectory, file));
            var actual = File.ReadAllBytes(Path.Combine(actualDirectory, file));
            Assert.True(expected.Length > 0, $"{file} is empty");
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{file} differs between {expectedDirectory} and {actualDirectory}");
        }
    }

    [Fact]
    public void Every_run_exits_0_and_writes_the_monthly_series_and_the_summary()
    {
        AssertSucceeded(runs.Results[0], runs.First);
        AssertSucceeded(runs.Results[1], runs.Second);
        AssertSucceeded(runs.Results[2], runs.Flat);
    }

    [Fact]
    public void The_same_run_twice_writes_byte_identical_files()
    {
        AssertSucceeded(runs.Results[0], runs.First);
        AssertSucceeded(runs.Results[1], runs.Second);
        AssertSameBytes(runs.First, runs.Second);
    }

    [Fact]
    public void The_flat_engine_writes_the_same_bytes_as_the_grains()
    {
        AssertSucceeded(runs.Results[0], runs.First);
        AssertSucceeded(runs.Results[2], runs.Flat);
        AssertSameBytes(runs.First, runs.Flat);
    }

    [Fact]
    public void The_summary_has_the_province_and_each_park_with_its_threshold_and_core_pass()
    {
        AssertSucceeded(runs.Results[0], runs.First);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(runs.First, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(0.02, root.GetProperty("run").GetProperty("scale").GetDouble());
        var province = root.GetProperty("province");
        var parkCount = province.GetProperty("parks").GetInt32();
        Assert.True(parkCount > 0);
        Assert.True(province.GetProperty("enterprises").GetInt32() > 0);
        Assert.NotEmpty(province.GetProperty("parksTotal").EnumerateArray());

        var parks = root.GetProperty("parks").EnumerateArray().ToArray();
        Assert.Equal(parkCount, parks.Length);
        foreach (var park in parks)
        {
            Assert.False(string.IsNullOrEmpty(park.GetProperty("id").GetString()));
            Assert.True(park.GetProperty("threshold").GetDouble() > 0);
            Assert.Contains(park.GetProperty("corePass").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
            Assert.NotEmpty(park.GetProperty("indicators").EnumerateArray());
        }
    }

    [Fact]
    public void The_charts_are_png_images_of_a_sensible_size()
    {
        AssertSucceeded(runs.Results[0], runs.First);
        foreach (var chart in SimulateRuns.Charts)
        {
            var bytes = File.ReadAllBytes(Path.Combine(runs.First, chart));
            Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"{chart} has no PNG signature");
            Assert.InRange(bytes.Length, 5_000, 2_000_000);
            // IHDR: width and height, big-endian, at bytes 16..23.
            var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
            var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
            Assert.InRange(width, 600, 4000);
            Assert.InRange(height, 300, 2000);
        }
    }

    [Fact]
    public void The_report_is_self_contained_and_lists_every_park()
    {
        AssertSucceeded(runs.Results[0], runs.First);
        var html = File.ReadAllText(Path.Combine(runs.First, "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.Equal(SimulateRuns.Charts.Length, System.Text.RegularExpressions.Regex.Count(html, "src=\"data:image/png;base64,"));
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(runs.First, "summary.json")));
        foreach (var park in summary.RootElement.GetProperty("parks").EnumerateArray())
            Assert.Contains($"<td>{park.GetProperty("id").GetString()}</td>", html);
    }

    [Fact]
    public void Compare_of_a_run_with_itself_and_with_its_repeat_reports_no_differences()
    {
        AssertSucceeded(runs.Results[0], runs.First);
        AssertSucceeded(runs.Results[1], runs.Second);
        using var scratch = new ScratchDirectory();
        foreach (var other in new[] { runs.First, runs.Second })
        {
            var csv = scratch[$"compare-{Path.GetFileName(other)}.csv"];
            var result = ParktwinProcess.Run("compare", runs.First, other, "--csv", csv);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Contains("; 0 differ.", result.Stdout);
            Assert.Contains("**No differences.**", result.Stdout);
            var lines = File.ReadAllLines(csv);
            Assert.Equal("entity,period,metric,unit,a,b,difference,relative_difference", lines[0]);
            Assert.True(lines.Length > 100);
            Assert.All(lines.Skip(1), line =>
            {
                var fields = line.Split(',');
                Assert.Equal(fields[4], fields[5]);
                Assert.Equal("0", fields[6]);
            });
        }
    }

    [Fact]
    public void Compare_of_runs_with_different_seeds_reports_differences()
    {
        AssertSucceeded(runs.Results[0], runs.First);
        using var scratch = new ScratchDirectory();
        var other = scratch["seed-7"];
        var simulate = ParktwinProcess.Run("simulate", "--scale", "0.02", "--seed", "7", "--engine", "flat", "--out", other);
        Assert.True(simulate.ExitCode == 0, simulate.Stderr);

        var report = scratch["diff/report.md"];
        var result = ParktwinProcess.Run("compare", runs.First, other, "--out", report);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var markdown = File.ReadAllText(report);
        Assert.StartsWith("# ParkTwin run comparison", markdown);
        Assert.DoesNotContain("No differences", markdown);
        Assert.Contains("## Province parks, year totals", markdown);
        Assert.Matches(@"; [1-9]\d* differ\.", markdown);
        var csv = File.ReadAllLines(scratch["diff/compare.csv"]);
        Assert.Contains(csv.Skip(1), line => line.StartsWith("parks,", StringComparison.Ordinal) && line.Split(',')[6] != "0");
        Assert.Contains(csv.Skip(1), line => !line.StartsWith("parks,", StringComparison.Ordinal) && !line.StartsWith("grid,", StringComparison.Ordinal));
    }
}

public sealed class CompareCommandTests
{
    static void AssertBadInput(ParktwinProcess.Result result, ScratchDirectory scratch, string mention)
    {
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}, expected 2\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error: ", result.Stderr);
        Assert.Contains(mention, result.Stderr);
        Assert.False(Directory.Exists(scratch["out"]), "bad input, yet the report directory was created");
    }

    [Fact]
    public void Compare_with_a_missing_directory_is_bad_input()
    {
        using var scratch = new ScratchDirectory();
        // A minimal but well-formed run directory, so that the missing one is the only thing wrong.
        var run = scratch["run"];
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "summary.json"), """{ "run": {}, "parks": [] }""");
        File.WriteAllText(Path.Combine(run, "province_monthly.csv"), "entity,period,metric,value,unit\n");
        File.WriteAllText(Path.Combine(run, "parks_monthly.csv"), "entity,period,metric,value,unit\n");
        var missing = scratch["no-such-run"];
        AssertBadInput(ParktwinProcess.Run("compare", missing, run, "--out", scratch["out/report.md"]), scratch, missing);
        AssertBadInput(ParktwinProcess.Run("compare", run, missing, "--out", scratch["out/report.md"]), scratch, missing);
    }

    [Fact]
    public void Compare_with_a_directory_that_is_not_a_run_is_bad_input()
    {
        using var scratch = new ScratchDirectory();
        var empty = scratch["empty"];
        Directory.CreateDirectory(empty);
        AssertBadInput(ParktwinProcess.Run("compare", empty, empty, "--out", scratch["out/report.md"]), scratch, empty);
        var file = scratch["a-file.txt"];
        File.WriteAllText(file, "not a run");
        AssertBadInput(ParktwinProcess.Run("compare", file, empty, "--out", scratch["out/report.md"]), scratch, file);
    }

    [Fact]
    public void Compare_with_a_malformed_series_is_bad_input()
    {
        using var scratch = new ScratchDirectory();
        var run = scratch["broken"];
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "summary.json"), """{ "run": {}, "parks": [] }""");
        File.WriteAllText(Path.Combine(run, "province_monthly.csv"), "entity,period,metric,value,unit\nparks,2023-01,energy,lots,tce\n");
        File.WriteAllText(Path.Combine(run, "parks_monthly.csv"), "entity,period,metric,value,unit\n");
        AssertBadInput(ParktwinProcess.Run("compare", run, run, "--out", scratch["out/report.md"]), scratch, "province_monthly.csv:2");
    }
}

public sealed class SimulateInputTests
{
    static readonly ProvinceInventory Small = ProvinceGenerator.Generate(3, 0.02);

    static void AssertBadInput(ParktwinProcess.Result result, string output, params string[] mentions)
    {
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}, expected 2\nstdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error: ", result.Stderr);
        foreach (var mention in mentions) Assert.Contains(mention, result.Stderr);
        Assert.False(Directory.Exists(output), $"bad input, yet {output} was created");
    }

    [Fact]
    public void A_missing_inventory_file_is_bad_input()
    {
        using var scratch = new ScratchDirectory();
        var missing = scratch["no-such-inventory.json"];
        AssertBadInput(ParktwinProcess.Run("simulate", missing, "--out", scratch["out"]), scratch["out"], missing, "no such file");
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{ "province": "sichuan", "parks": [ { "id": "P1", } ] }""")]
    [InlineData("""{ "province": "sichuan", "parks": [ { "id": "P1", "prefecture": "chengdu" """)]
    public void A_malformed_inventory_is_bad_input(string json)
    {
        using var scratch = new ScratchDirectory();
        var file = scratch["malformed.json"];
        File.WriteAllText(file, json);
        AssertBadInput(ParktwinProcess.Run("simulate", file, "--out", scratch["out"]), scratch["out"]);
    }

    [Fact]
    public void An_enterprise_in_an_unknown_park_is_bad_input_and_the_message_gives_its_path()
    {
        using var scratch = new ScratchDirectory();
        var file = scratch["unknown-park.json"];
        InventoryFile.Write(file, Small with { Enterprises = [Small.Enterprises[0] with { Park = "P999" }, .. Small.Enterprises.Skip(1)] });
        AssertBadInput(ParktwinProcess.Run("simulate", file, "--out", scratch["out"]), scratch["out"], "enterprises[0].park", "P999");
    }

    [Theory]
    [InlineData("--scale", "0", "--scale")]
    [InlineData("--scale", "11", "--scale")]
    [InlineData("--year", "1800", "--year")]
    [InlineData("--tick", "hour", "hour")]
    public void An_option_out_of_range_is_bad_input(string option, string value, string mention)
    {
        using var scratch = new ScratchDirectory();
        string[] scale = option == "--scale" ? [] : ["--scale", "0.02"];
        AssertBadInput(ParktwinProcess.Run(["simulate", .. scale, option, value, "--out", scratch["out"]]), scratch["out"], mention, value);
    }

    [Fact]
    public void A_generated_inventory_file_simulates()
    {
        using var scratch = new ScratchDirectory();
        var file = scratch["sichuan.json"];
        var generate = ParktwinProcess.Run("generate", "--seed", "3", "--scale", "0.02", "--out", file);
        Assert.True(generate.ExitCode == 0, generate.Stderr);
        Assert.True(File.Exists(file));

        var output = scratch["out"];
        var simulate = ParktwinProcess.Run("simulate", file, "--out", output);
        Assert.True(simulate.ExitCode == 0, $"exit code {simulate.ExitCode}\n{simulate.Stderr}");
        Assert.Equal(SimulateRuns.AllFiles.Order(StringComparer.Ordinal), SimulateRuns.ListFiles(output));
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        var run = summary.RootElement.GetProperty("run");
        Assert.Equal("sichuan.json", run.GetProperty("inventory").GetString());
        Assert.Equal(0.02, run.GetProperty("scale").GetDouble());
        Assert.Equal(Small.Parks.Count, summary.RootElement.GetProperty("province").GetProperty("parks").GetInt32());
        Assert.Equal(Small.Enterprises.Count, summary.RootElement.GetProperty("province").GetProperty("enterprises").GetInt32());
    }

    [Fact]
    public void The_flat_engine_writes_the_same_bytes_as_the_grains_when_enterprise_ids_interleave_across_parks()
    {
        using var scratch = new ScratchDirectory();
        var file = scratch["interleaved.json"];
        // Swap the parks of the first and the last enterprise: each park's ids are no longer a contiguous run.
        var first = Small.Enterprises[0];
        var last = Small.Enterprises[^1];
        Assert.NotEqual(first.Park, last.Park);
        InventoryFile.Write(file, Small with
        {
            Enterprises = [first with { Park = last.Park }, .. Small.Enterprises.Skip(1).SkipLast(1), last with { Park = first.Park }],
        });
        var grains = ParktwinProcess.Run("simulate", file, "--out", scratch["grains"]);
        var flat = ParktwinProcess.Run("simulate", file, "--engine", "flat", "--out", scratch["flat"]);
        Assert.Equal(0, grains.ExitCode);
        Assert.Equal(0, flat.ExitCode);
        foreach (var name in SimulateRuns.AllFiles)
            Assert.True(File.ReadAllBytes(Path.Combine(scratch["grains"], name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(scratch["flat"], name))),
                $"{name} differs between the grains and the flat kernel");
    }
}
