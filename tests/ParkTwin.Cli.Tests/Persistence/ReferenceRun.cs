namespace ParkTwin.Cli.Tests.Persistence;

/// <summary>The scenario every persistence test runs (scale 0.02, seed 42, day ticks), once in memory as the reference.</summary>
static class ReferenceRun
{
    public static readonly string[] Scenario = ["--scale", "0.02", "--seed", "42"];

    static readonly Lazy<string> InMemory = new(() =>
    {
        var directory = NewDirectory();
        var result = ParktwinProcess.Run(["simulate", .. Scenario, "--out", directory]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return directory;
    });

    public static string InMemoryOutputs => InMemory.Value;

    public static string NewDirectory() => Path.Combine(Path.GetTempPath(), "parktwin-tests", $"run-{Guid.NewGuid():N}");

    /// <summary>Every file of the reference run exists in <paramref name="directory"/> with the same bytes, and nothing else.</summary>
    public static void AssertSameOutputs(string directory)
    {
        var expected = SimulateRuns.ListFiles(InMemoryOutputs);
        var actual = SimulateRuns.ListFiles(directory);
        Assert.Equal(expected, actual);
        foreach (var file in expected)
            Assert.True(File.ReadAllBytes(Path.Combine(InMemoryOutputs, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(directory, file))),
                $"{file} differs from the in-memory run");
    }

    /// <summary>The run id a simulation announces on stderr ("run RUN_ID: …").</summary>
    public static string RunIdIn(string output)
    {
        var line = output.Split('\n').First(l => l.StartsWith("run run-", StringComparison.Ordinal));
        return line[4..line.IndexOf(':')];
    }
}
