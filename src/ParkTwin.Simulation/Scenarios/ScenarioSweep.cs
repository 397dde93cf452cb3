using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ParkTwin.Domain;

namespace ParkTwin.Simulation.Scenarios;

/// <summary>One value of one swept key: <c>markets.carbon.allocationFactor=0.9</c>.</summary>
public sealed record SweepValue(string Path, string Text);

/// <summary>One case of a sweep: its name (a directory name), its values and seed, and the scenario it runs as YAML text.</summary>
public sealed record SweepCase(string Name, IReadOnlyList<SweepValue> Values, int Seed, string Yaml);

/// <summary>
/// The cases of <c>parktwin sweep</c>: every combination of the values of the swept keys × the seeds (the scenario's
/// seed + 0..K−1), each a copy of the scenario with those values set. Every case is checked as a scenario
/// (<see cref="ScenarioLoader"/>) before anything runs; every problem of every case is listed at once.
/// </summary>
public static partial class ScenarioSweep
{
    /// <summary>Parses <c>PATH=V1,V2,…</c>; a value is read as a plain YAML scalar (number, boolean, null or text).</summary>
    public static (string Path, IReadOnlyList<string> Values)? ParseParam(string text, List<string> problems)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
        {
            problems.Add($"--param {text}: expected PATH=V1,V2,… (e.g. markets.carbon.allocationFactor=0.9,1.0)");
            return null;
        }
        var path = text[..eq].Trim();
        var values = text[(eq + 1)..].Split(',').Select(v => v.Trim()).ToArray();
        if (values.Any(v => v.Length == 0)) problems.Add($"--param {text}: an empty value");
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Length) problems.Add($"--param {text}: a value is repeated");
        if (path == "seed") problems.Add("--param seed: the seeds are set by --seeds (the scenario's seed + 0..K−1), not swept as a key");
        else if (path.Split('.').Any(p => p.Length == 0 || !KeyPattern().IsMatch(p)))
            problems.Add($"--param {path}: not a dotted path of scenario keys (e.g. markets.carbon.allocationFactor)");
        return (path, values);
    }

    /// <summary>The cases, in order (the first key varies slowest, the seed fastest), or every problem found.</summary>
    public static IReadOnlyList<SweepCase> Cases(string scenarioFile, IReadOnlyList<(string Path, IReadOnlyList<string> Values)> parameters, int seeds,
        List<string> problems)
    {
        if (seeds < 1) problems.Add($"--seeds {seeds}: must be at least 1");
        if (parameters.GroupBy(p => p.Path).FirstOrDefault(g => g.Count() > 1) is { } twice) problems.Add($"--param {twice.Key}: given more than once");
        seeds = Math.Max(seeds, 1); // the other problems are still found and listed
        if (!File.Exists(scenarioFile)) throw new InputException(scenarioFile, "no such scenario file");
        JsonObject root;
        try
        {
            root = YamlTree.Parse(File.ReadAllText(scenarioFile)).Root as JsonObject
                ?? throw new ScenarioException(scenarioFile, ["(file) (line 1, column 1): a scenario is a mapping of keys (name, seed, province, years, …)"]);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ScenarioException(scenarioFile, [$"(file) (line {e.Start.Line}, column {e.Start.Column}): {e.InnerException?.Message ?? e.Message}"]);
        }
        // The scenario itself must be valid; its problems are its own, with their lines.
        ScenarioLoader.Load(scenarioFile);
        var baseSeed = root["seed"] is JsonValue sv && sv.TryGetValue<long>(out var s) ? (int)s : 42;
        // The runs go elsewhere; an inventory is found from the scenario's directory, wherever the case's copy is.
        root.Remove("outputs");
        if (root["province"]?["inventory"] is JsonValue iv && iv.TryGetValue<string>(out var inventory))
            root["province"]!["inventory"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenarioFile)) ?? ".", inventory));

        var combinations = new List<SweepValue[]> { Array.Empty<SweepValue>() };
        foreach (var (path, values) in parameters)
            combinations = combinations.SelectMany(c => values.Select(v => c.Append(new SweepValue(path, v)).ToArray())).ToList();
        var cases = new List<SweepCase>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var temp = Path.Combine(Path.GetTempPath(), $"parktwin-sweep-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            foreach (var combination in combinations)
                for (var k = 0; k < seeds; k++)
                {
                    var seed = baseSeed + k;
                    var copy = root.DeepClone().AsObject();
                    copy["seed"] = seed;
                    var pathProblem = false;
                    foreach (var value in combination)
                        if (Set(copy, value.Path, Scalar(value.Text)) is { } reason)
                        {
                            // The other keys are still checked, so that every problem is listed at once.
                            pathProblem = true;
                            if (seen.Add($"path {value.Path}")) problems.Add($"--param {value.Path}: {reason}");
                        }
                    var name = Name(combination, seed, names);
                    var yaml = copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
                    // The same checks as 'validate', on the very text the case runs.
                    var file = Path.Combine(temp, name + ".yaml");
                    File.WriteAllText(file, yaml);
                    try
                    {
                        ScenarioLoader.Load(file);
                    }
                    catch (ScenarioException e)
                    {
                        foreach (var problem in e.Problems)
                        {
                            var text = LinePattern().Replace(problem, "");
                            var culprit = combination.FirstOrDefault(v => text.StartsWith(v.Path, StringComparison.Ordinal) && (text.Length == v.Path.Length || text[v.Path.Length] is ' ' or '.' or ':'));
                            var line = culprit is null ? $"case {name}: {text}" : $"--param {culprit.Path}={culprit.Text}: {text}";
                            if (seen.Add(line)) problems.Add(line);
                        }
                        continue;
                    }
                    if (!pathProblem) cases.Add(new SweepCase(name, combination, seed, yaml));
                }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
        return problems.Count > 0 ? [] : cases;
    }

    /// <summary>Sets the dotted path, creating mappings on the way; the reason when the path runs through a value that is not a mapping.</summary>
    /// <remarks>A number steps into a list (policies.0.rate is the first policy's rate); a list is never extended.</remarks>
    static string? Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode node = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            if (node is JsonArray list)
            {
                if (!int.TryParse(parts[i], out var index) || index < 0 || index >= list.Count)
                    return $"not a scenario key: {string.Join('.', parts[..i])} is a list of {list.Count}; '{parts[i]}' is not one of its indexes 0–{list.Count - 1}";
                if (last) list[index] = value;
                else node = list[index] ?? (list[index] = new JsonObject());
                continue;
            }
            if (node is not JsonObject map) return $"not a scenario key: {string.Join('.', parts[..i])} is a value, not a mapping of keys";
            if (last)
            {
                map[parts[i]] = value;
                break;
            }
            var child = map[parts[i]];
            if (child is null && !map.ContainsKey(parts[i])) map[parts[i]] = child = new JsonObject();
            node = child!;
        }
        return null;
    }

    static JsonNode? Scalar(string text) => YamlTree.Parse(text).Root?.DeepClone() switch
    {
        JsonValue v => v,
        null => null,
        _ => JsonValue.Create(text),
    };

    static string Name(IReadOnlyList<SweepValue> values, int seed, HashSet<string> taken)
    {
        var builder = new StringBuilder();
        foreach (var value in values) builder.Append(Safe(value.Path.Split('.')[^1])).Append('-').Append(Safe(value.Text)).Append('_');
        builder.Append("seed-").Append(seed.ToString(CultureInfo.InvariantCulture));
        var name = builder.ToString();
        // The last key of two paths may be the same (greenPower.enabled, carbon.enabled): then the whole path.
        if (!taken.Add(name))
        {
            builder.Clear();
            foreach (var value in values) builder.Append(Safe(value.Path)).Append('-').Append(Safe(value.Text)).Append('_');
            builder.Append("seed-").Append(seed.ToString(CultureInfo.InvariantCulture));
            name = builder.ToString();
            for (var i = 2; !taken.Add(name); i++) name = $"{builder}-{i}";
        }
        return name;
    }

    static string Safe(string text) => UnsafePattern().Replace(text, "~");

    [GeneratedRegex(@"^[A-Za-z0-9_-]+$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"[^A-Za-z0-9._+-]")]
    private static partial Regex UnsafePattern();

    [GeneratedRegex(@" \(line \d+, column \d+\)")]
    private static partial Regex LinePattern();
}
