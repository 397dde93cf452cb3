using System.Text.Json;
using ParkTwin.Simulation.Outputs;

namespace ParkTwin.Twins.Tests.Outputs;

public sealed class SummaryJsonTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parktwin-tests", "summary-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    public enum RunKind { FullYear, QuickLook }

    public sealed record Totals(double ElectricityMWh, double Co2Tonnes);

    public sealed record RunSummary(string RunId, int EnterpriseCount, RunKind Kind, double Awkward, double Tiny, Totals Totals, IReadOnlyList<string> Periods);

    private static RunSummary Sample() => new(
        "run-1", 20_000, RunKind.FullYear, 0.1 + 0.2, 1e-300, new Totals(123456789.123456789, 42), ["2023-01", "2023-02"]);

    [Fact]
    public async Task Writes_indented_camel_case_lf_json_in_declaration_order()
    {
        string path = Path.Combine(_dir, "nested", SummaryJson.FileName);
        await SummaryJson.WriteAsync(path, Sample());

        byte[] bytes = File.ReadAllBytes(path);
        Assert.NotEqual(0xEF, bytes[0]); // no BOM
        Assert.DoesNotContain((byte)'\r', bytes);
        string expected = """
            {
              "runId": "run-1",
              "enterpriseCount": 20000,
              "kind": "fullYear",
              "awkward": 0.30000000000000004,
              "tiny": 1E-300,
              "totals": {
                "electricityMWh": 123456789.12345679,
                "co2Tonnes": 42
              },
              "periods": [
                "2023-01",
                "2023-02"
              ]
            }

            """.ReplaceLineEndings("\n");
        Assert.Equal(expected, File.ReadAllText(path));
        Assert.Equal(expected, SummaryJson.Serialize(Sample()));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public async Task Same_value_gives_identical_bytes_and_doubles_round_trip()
    {
        string a = Path.Combine(_dir, "a.json"), b = Path.Combine(_dir, "b.json");
        await SummaryJson.WriteAsync(a, Sample());
        await SummaryJson.WriteAsync(b, Sample());
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));

        RunSummary back = JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(a), SummaryJson.Options)!;
        Assert.Equal(Sample() with { Periods = [] }, back with { Periods = [] });
        Assert.Equal(0.1 + 0.2, back.Awkward);
        Assert.Equal(123456789.123456789, back.Totals.ElectricityMWh);
    }

    [Fact]
    public async Task Non_finite_doubles_are_rejected_and_leave_no_file()
    {
        string path = Path.Combine(_dir, SummaryJson.FileName);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => SummaryJson.WriteAsync(path, Sample() with { Awkward = double.NaN }));
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Options_are_shared_and_read_only()
    {
        Assert.Same(SummaryJson.Options, SummaryJson.Options);
        Assert.True(SummaryJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => SummaryJson.Options.WriteIndented = false);
    }
}
