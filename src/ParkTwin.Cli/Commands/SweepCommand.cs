using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ParkTwin.Domain;
using ParkTwin.Simulation.Scenarios;

namespace ParkTwin.Cli.Commands;

/// <summary>
/// <c>parktwin sweep SCENARIO.yaml --param PATH=V1,V2,… [--param …] --seeds K [--out DIR]</c>: every combination of the
/// values × K seeds, each case a copy of the scenario run by <c>parktwin simulate</c> in a process of its own (two at a
/// time) into DIR/&lt;case&gt;/, and DIR/sweep.csv with each case's province totals (docs/scenarios.md#sweeps).
/// </summary>
public static class SweepCommand
{
    public const int Parallel = 2;

    public static Command Create()
    {
        var file = new Argument<string>("scenario") { Description = "A scenario .yaml/.yml (docs/scenarios.md)" };
        var param = new Option<string[]>("--param")
        {
            Description = "PATH=V1,V2,…: a dotted scenario key and its values (repeat for more keys; every combination runs)",
            Arity = ArgumentArity.OneOrMore,
        };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per combination: the scenario's seed + 0..K−1", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Directory for the cases and sweep.csv (default: runs/<scenario name>-sweep)" };
        var command = new Command("sweep", "Run a scenario over every combination of some of its values and several seeds; sweep.csv compares them")
        {
            file, param, seeds, output,
        };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(file)!, parse.GetValue(param) ?? [], parse.GetValue(seeds), parse.GetValue(output), cancel));
        return command;
    }

    static async Task<int> RunAsync(string scenarioFile, string[] paramTexts, int seeds, string? output, CancellationToken cancel)
    {
        var problems = new List<string>();
        if (!ScenarioLoader.IsScenarioPath(scenarioFile)) throw new InputException(scenarioFile, "a scenario is a .yaml or .yml file");
        if (paramTexts.Length == 0) problems.Add("--param: give at least one PATH=V1,V2,…");
        var parameters = paramTexts.Select(p => ScenarioSweep.ParseParam(p, problems)).OfType<(string, IReadOnlyList<string>)>().ToList();
        var cases = ScenarioSweep.Cases(scenarioFile, parameters, seeds, problems);
        var directory = output ?? Path.Combine("runs", ScenarioLoader.Load(scenarioFile).Name + "-sweep");
        if (File.Exists(directory)) problems.Add($"--out: {directory} is a file, not a directory");
        if (problems.Count > 0) throw new ScenarioException(scenarioFile, problems);

        Directory.CreateDirectory(directory);
        Console.Error.WriteLine($"sweep: {cases.Count} cases, {Parallel} at a time, into {directory}; Ctrl-C stops each running case at its next tick");
        var clock = Stopwatch.StartNew();
        var exitCodes = new int?[cases.Count];
        var running = new List<Process>();
        var interrupted = false;
        using var stopping = cancel.Register(() =>
        {
            // The terminal's Ctrl-C reaches the cases too; a signal from elsewhere is passed on.
            lock (running) foreach (var p in running) Interrupt(p);
        });
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, cases.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, _) =>
            {
                // An interrupted case (Ctrl-C reaches the cases first) stops the sweep as well.
                if (cancel.IsCancellationRequested || Volatile.Read(ref interrupted)) return;
                exitCodes[i] = await RunCaseAsync(cases[i], Path.Combine(directory, cases[i].Name), running);
                if (exitCodes[i] == 130) Volatile.Write(ref interrupted, true);
                Console.Error.WriteLine($"sweep: {cases[i].Name}: {Status(exitCodes[i])}");
            });

        var csv = Path.Combine(directory, "sweep.csv");
        await File.WriteAllTextAsync(csv, SweepTable(cases, parameters.Select(p => p.Item1).ToArray(), directory, exitCodes), CancellationToken.None);
        var failed = exitCodes.Count(c => c is not (0 or 130));
        Console.WriteLine($"Swept {exitCodes.Count(c => c == 0)} of {cases.Count} cases in {clock.Elapsed.TotalSeconds:F1} s; results in {directory}, table in {csv}");
        if (cancel.IsCancellationRequested || exitCodes.Any(c => c == 130))
        {
            Console.Error.WriteLine($"interrupted: {exitCodes.Count(c => c is null)} cases not started; what ran is in {directory}");
            return 130;
        }
        return failed > 0 ? 1 : 0;
    }

    static string Status(int? exitCode) => exitCode switch { 0 => "done", 130 => "interrupted", null => "not run", _ => $"failed (exit {exitCode})" };

    static async Task<int> RunCaseAsync(SweepCase c, string caseDirectory, List<Process> running)
    {
        Directory.CreateDirectory(caseDirectory);
        var scenario = Path.Combine(caseDirectory, "scenario.yaml");
        await File.WriteAllTextAsync(scenario, c.Yaml);
        var start = SelfStartInfo(["simulate", scenario, "--out", caseDirectory]);
        using var process = Process.Start(start)!;
        lock (running) running.Add(process);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        lock (running) running.Remove(process);
        await File.WriteAllTextAsync(Path.Combine(caseDirectory, "simulate.log"), await stdout + await stderr);
        return process.ExitCode;
    }

    /// <summary>This program again: the apphost itself, or 'dotnet parktwin.dll'.</summary>
    static ProcessStartInfo SelfStartInfo(string[] args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(SweepCommand).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int SysKill(int pid, int signal);

    internal static void Interrupt(Process process)
    {
        try
        {
            if (!process.HasExited && (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())) SysKill(process.Id, 2);
        }
        catch (InvalidOperationException) { }
    }

    public static readonly string[] Columns =
    [
        "year", "status", "last_date", "parks", "parks_core_pass", "energy_tce", "scope1_tco2", "scope2_market_tco2", "carbon_per_energy_tco2_per_tce",
        "green_power_mwh", "green_power_avg_price_cny_per_mwh", "carbon_volume_tco2", "carbon_avg_price_cny_per_tco2",
        "adoptions", "abatement_adopted_tco2_per_yr", "adoption_capex_cny", "capex_subsidy_cny", "abatement_cost_cny_per_tco2", "carbon_tax_cny",
    ];

    static string SweepTable(IReadOnlyList<SweepCase> cases, string[] paths, string directory, int?[] exitCodes)
    {
        var text = new StringBuilder();
        text.Append("case,").Append(string.Join(',', paths.Select(Csv))).Append(",seed,").Append(string.Join(',', Columns)).Append('\n');
        for (var i = 0; i < cases.Count; i++)
        {
            var caseDirectory = Path.Combine(directory, cases[i].Name);
            // One row per year: a one-year case writes its summary.json directly, a longer one DIR/<year>/summary.json.
            var years = Directory.Exists(caseDirectory)
                ? Directory.GetDirectories(caseDirectory).Where(d => File.Exists(Path.Combine(d, "summary.json")) && int.TryParse(Path.GetFileName(d), out _))
                    .Order(StringComparer.Ordinal).ToList()
                : [];
            if (years.Count == 0) years.Add(caseDirectory);
            foreach (var yearDirectory in years)
            {
                text.Append(Csv(cases[i].Name));
                foreach (var path in paths) text.Append(',').Append(Csv(cases[i].Values.First(v => v.Path == path).Text));
                text.Append(',').Append(cases[i].Seed.ToString(CultureInfo.InvariantCulture));
                foreach (var cell in Row(yearDirectory, exitCodes[i])) text.Append(',').Append(Csv(cell));
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    static string[] Row(string directory, int? exitCode)
    {
        var summaryFile = Path.Combine(directory, "summary.json");
        if (!File.Exists(summaryFile)) return [.. new[] { "", Status(exitCode) }, .. Enumerable.Repeat("", Columns.Length - 2)];
        using var json = JsonDocument.Parse(File.ReadAllBytes(summaryFile));
        var root = json.RootElement;
        var partial = root.TryGetProperty("partial", out var p) && p.ValueKind == JsonValueKind.True;
        var province = root.GetProperty("province");
        double? Total(params string[] metrics)
        {
            var found = province.GetProperty("parksTotal").EnumerateArray().Where(f => metrics.Contains(f.GetProperty("metric").GetString())).ToArray();
            return found.Length == 0 ? 0 : found.Sum(f => f.GetProperty("value").GetDouble());
        }
        var parks = root.GetProperty("parks").EnumerateArray().ToArray();
        var (greenVolume, greenPrice) = Traded(directory, "green_power");
        var (carbonVolume, carbonPrice) = Traded(directory, "carbon");
        var adoption = Adopted(directory);
        return
        [
            root.GetProperty("run").GetProperty("year").GetInt32().ToString(CultureInfo.InvariantCulture),
            partial ? "interrupted" : exitCode is null or 0 ? "done" : Status(exitCode),
            root.TryGetProperty("lastDate", out var last) ? last.GetString() ?? "" : "",
            parks.Length.ToString(CultureInfo.InvariantCulture),
            parks.Count(park => park.TryGetProperty("corePass", out var pass) && pass.ValueKind == JsonValueKind.True).ToString(CultureInfo.InvariantCulture),
            Number(Total("energy")),
            Number(Total("scope1_combustion", "scope1_process")),
            Number(Total("scope2_market")),
            province.TryGetProperty("parksCarbonPerEnergy", out var cpe) && cpe.ValueKind == JsonValueKind.Number ? Number(cpe.GetDouble()) : "",
            Number(greenVolume), Number(greenPrice), Number(carbonVolume), Number(carbonPrice),
            Number(adoption.Count), Number(adoption.Abatement), Number(adoption.Capex), Number(adoption.Subsidy), Number(adoption.CostPerTonne), Number(adoption.Tax),
        ];
    }

    /// <summary>
    /// The year's decisions and what the policies collected, from markets_monthly.csv: adoptions, the abatement they
    /// bring, their capex and subsidy, the abatement-weighted cost per tonne, and the carbon tax (empty when none ran).
    /// </summary>
    static (double? Count, double? Abatement, double? Capex, double? Subsidy, double? CostPerTonne, double? Tax) Adopted(string directory)
    {
        var file = Path.Combine(directory, "markets_monthly.csv");
        if (!File.Exists(file)) return default;
        var groups = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        double? tax = null;
        foreach (var line in File.ReadLines(file).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length < 4) continue;
            var value = double.Parse(cells[3], CultureInfo.InvariantCulture);
            if (cells[0] == "policy" && cells[2] == "carbon_tax") tax = (tax ?? 0) + value;
            else if (cells[0].StartsWith("adoption/", StringComparison.Ordinal) && cells[0].Count(c => c == '/') == 2)
                (groups.TryGetValue(cells[0], out var g) ? g : groups[cells[0]] = new(StringComparer.Ordinal))[cells[2]] = value;
        }
        if (groups.Count == 0) return (null, null, null, null, null, tax);
        double Sum(string metric) => groups.Values.Sum(g => g.GetValueOrDefault(metric));
        var priced = groups.Values.Where(g => g.ContainsKey("cost_per_tonne")).ToArray();
        var pricedTonnes = priced.Sum(g => g["abatement"]);
        return (Sum("adopted"), Sum("abatement"), Sum("capex"), Sum("subsidy"),
            pricedTonnes > 0 ? priced.Sum(g => g["cost_per_tonne"] * g["abatement"]) / pricedTonnes : null, tax);
    }

    /// <summary>A market's volume over the year and its volume-weighted clearing price, from markets_monthly.csv (empty when it did not run).</summary>
    static (double? Volume, double? Price) Traded(string directory, string market)
    {
        var file = Path.Combine(directory, "markets_monthly.csv");
        if (!File.Exists(file)) return (null, null);
        var volumes = new Dictionary<string, double>(StringComparer.Ordinal);
        var prices = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(file).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length < 4 || cells[0] != market) continue;
            var value = double.Parse(cells[3], CultureInfo.InvariantCulture);
            if (cells[2] == "volume") volumes[cells[1]] = value;
            else if (cells[2] == "clearing_price") prices[cells[1]] = value;
        }
        if (volumes.Count == 0) return (null, null);
        var volume = volumes.Values.Sum();
        var priced = volumes.Where(v => prices.ContainsKey(v.Key) && v.Value > 0).ToArray();
        var pricedVolume = priced.Sum(v => v.Value);
        return (volume, pricedVolume > 0 ? priced.Sum(v => v.Value * prices[v.Key]) / pricedVolume : null);
    }

    static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    static string Csv(string text) => text.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
