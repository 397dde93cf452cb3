using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using ParkTwin.Domain;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Data;
using ParkTwin.Domain.Inventory;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Outputs;
using ParkTwin.Simulation.Synthetic;

namespace ParkTwin.Simulation.Scenarios;

/// <summary>
/// Reads a scenario YAML (docs/scenarios.md), checks it against simulations/scenario.schema.json and then its
/// references (the inventory file, the contracts' plants and buyers, the markets' industries), and either returns
/// the scenario or throws one <see cref="ScenarioException"/> listing every problem with its path and line.
/// </summary>
public static partial class ScenarioLoader
{
    public const string SchemaResource = "ParkTwin.Scenarios.scenario.schema.json";

    static readonly Lazy<string> SchemaText = new(() =>
    {
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"{SchemaResource} is not embedded");
        return new StreamReader(stream).ReadToEnd();
    });

    static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SchemaText.Value));

    static readonly JsonSerializerOptions MarketJson = new(JsonSerializerDefaults.Web);

    public static bool IsScenarioPath(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <param name="seedOption">The command line's --seed: replaces the scenario's seed.</param>
    /// <param name="scaleOption">The command line's --scale: replaces province.scale (a generated province only).</param>
    public static Scenario Load(string file, int? seedOption = null, double? scaleOption = null)
    {
        if (!File.Exists(file)) throw new InputException(file, "no such scenario file");
        YamlTree tree;
        try
        {
            tree = YamlTree.Parse(File.ReadAllText(file));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ScenarioException(file, [$"(file) (line {e.Start.Line}, column {e.Start.Column}): {e.InnerException?.Message ?? e.Message}"]);
        }
        if (tree.Root is not JsonObject root) throw new ScenarioException(file, ["(file) (line 1, column 1): a scenario is a mapping of keys (name, seed, province, years, …)"]);
        // The command line's values go in before any check, so that they are checked like the file's.
        if (seedOption is { } s0) root["seed"] = (long)s0; // as the YAML reader gives integers
        if (scaleOption is { } f)
        {
            if (root["province"] is JsonObject p && p.ContainsKey("inventory"))
                throw new InputException("--scale", "the scenario's province is an inventory file (province.inventory); --scale applies to a generated province");
            (root["province"] as JsonObject ?? (JsonObject)(root["province"] = new JsonObject()))["scale"] = f;
        }
        var found = new List<(long Line, long Column, string Text)>();
        void Problem(string pointer, string reason)
        {
            var place = tree.PlaceOf(pointer);
            found.Add((place.Line, place.Column, $"{place.Path} (line {place.Line}, column {place.Column}): {reason}"));
        }

        // 1. Structure: the schema (unknown keys, types, ranges, enumerations, required keys).
        var results = Schema.Value.Evaluate(JsonSerializer.SerializeToElement(root), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var structural = new HashSet<string>(StringComparer.Ordinal);
        if (!results.IsValid)
            foreach (var detail in new[] { results }.Concat(results.Details ?? []).Where(d => d.Errors is { Count: > 0 }))
            {
                var pointer = detail.InstanceLocation.ToString();
                var evaluation = detail.EvaluationPath.ToString();
                if (Unreported(evaluation)) continue;
                var keyword = evaluation.Split('/').Last();
                foreach (var (errorKeyword, message) in detail.Errors!)
                {
                    var reason = Reason(root, pointer, evaluation, keyword, errorKeyword, message, detail.SchemaLocation);
                    var line = $"{pointer}\u0000{reason}";
                    if (!structural.Add(line)) continue;
                    Problem(pointer, reason);
                }
            }

        // 2. Meaning and references, on whatever is well-formed enough to check.
        var seed = Int(root["seed"]) ?? 42;
        var province = root["province"] as JsonObject;
        var scale = Number(province?["scale"]);
        var inventoryPath = province?["inventory"] is JsonValue iv && iv.TryGetValue<string>(out var ip) ? ip : null;
        string? inventoryFile = null;
        ProvinceInventory? inventory = null;
        if (province is not null && scale is null && inventoryPath is null && province["scale"] is null)
            Problem("/province", "give either scale (a generated province) or inventory (a file from 'parktwin generate')");
        if (province is not null && province.ContainsKey("scale") && province.ContainsKey("inventory"))
            Problem("/province", "give either scale or inventory, not both");
        if (inventoryPath is not null)
        {
            inventoryFile = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", inventoryPath));
            if (!File.Exists(inventoryFile)) Problem("/province/inventory", $"no such file: {inventoryFile}");
            else if (inventoryPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                try { inventory = InventoryFile.Read(inventoryFile); }
                catch (InputException e) { Problem("/province/inventory", $"{inventoryPath}: {e.Message}"); }
        }
        else if (scale is { } s && double.IsFinite(s) && s > 0 && s <= ProvinceGenerator.MaxScale && (root["seed"] is null || Int(root["seed"]) is >= 0))
            inventory = ProvinceGenerator.Generate(seed, s);
        if (province is not null && province.ContainsKey("scale") && province.ContainsKey("inventory")) inventory = null;

        var overridden = false;
        if (province?["overrides"] is JsonObject overrides && inventory is not null)
        {
            // Overrides the schema found wrong are not applied; what names the province is then not checked either.
            inventory = structural.Any(p => p.StartsWith("/province/overrides", StringComparison.Ordinal))
                ? null
                : ScenarioOverrides.Apply(inventory, overrides, Problem);
            overridden = true;
        }

        var years = root["years"] as JsonObject;
        var from = Int(years?["from"]);
        var to = Int(years?["to"]) ?? from;
        if (from is not null && to is not null && to < from) Problem("/years/to", $"must not be before from ({from})");

        var context = new ScenarioPolicies.Context(inventory, from, to is not null && from is not null && to >= from ? to : null,
            pointer => (int)tree.PlaceOf(pointer).Line, Problem);
        var policies = root["policies"] is JsonArray policyItems ? ScenarioPolicies.ReadPolicies(policyItems, context) : [];
        var shocks = root["shocks"] is JsonArray shockItems ? ScenarioPolicies.ReadShocks(shockItems, context) : [];
        var outputs = Outputs(root["outputs"] as JsonObject);

        // References are checked on what the scenario itself names (the shipped markets.yaml is not its problem).
        if (root["markets"] is JsonObject marketNode) CheckMarketReferences(marketNode, inventory, Problem);
        MarketSettings? markets = null;
        if (!structural.Any(p => p.StartsWith("/markets", StringComparison.Ordinal)))
            try
            {
                markets = MergedMarkets(root["markets"] as JsonObject);
            }
            catch (JsonException e)
            {
                Problem("/markets", $"cannot be read as market settings: {e.Message}");
            }

        // In the order of the file, so that they can be fixed from the top down.
        if (found.Count > 0) throw new ScenarioException(file, found.OrderBy(p => p.Line).ThenBy(p => p.Column).Select(p => p.Text).Distinct().ToList());
        return new Scenario
        {
            File = file,
            Name = (root["name"] as JsonValue)?.GetValue<string>() ?? Path.GetFileNameWithoutExtension(file),
            Description = (root["description"] as JsonValue)?.GetValue<string>() ?? "",
            Seed = seed,
            Scale = inventoryFile is null ? scale : null,
            InventoryFile = inventoryFile,
            Inventory = inventory!,
            Overridden = overridden,
            FromYear = from!.Value,
            ToYear = to!.Value,
            Tick = (root["tick"] as JsonValue)?.GetValue<string>() ?? "day",
            Decisions = (root["decisions"] as JsonValue)?.GetValue<bool>() ?? true,
            Markets = markets!,
            OutputDirectory = (root["outputs"]?["directory"] as JsonValue)?.GetValue<string>(),
            Outputs = outputs,
            Policies = policies,
            Shocks = shocks,
        };
    }

    static OutputSelection Outputs(JsonObject? outputs)
    {
        if (outputs is null) return OutputSelection.All;
        static IReadOnlyList<string>? Names(JsonNode? node, IReadOnlyList<string> allowed) =>
            node is JsonArray list ? allowed.Where(a => list.Any(v => v is JsonValue s && s.TryGetValue<string>(out var name) && name == a)).ToArray() : null;
        static bool? Flag(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
        return new OutputSelection
        {
            Series = Names(outputs["series"], OutputSelection.AllSeries) ?? OutputSelection.AllSeries,
            Formats = Names(outputs["formats"], OutputSelection.AllFormats) ?? OutputSelection.AllFormats,
            Charts = Flag(outputs["charts"]) ?? true,
            Report = Flag(outputs["report"]) ?? true,
        };
    }

    /// <summary>
    /// Schema results that are not problems of their own: an <c>if</c> that did not match (it only chooses a policy
    /// kind's branch), and the alternatives of a oneOf/anyOf and the names of a map (the loader words those itself).
    /// </summary>
    static bool Unreported(string evaluation) =>
        evaluation.Contains("/if/", StringComparison.Ordinal) || evaluation.EndsWith("/if", StringComparison.Ordinal)
        || (evaluation.Contains("/then/", StringComparison.Ordinal)
            && (evaluation.Contains("/oneOf", StringComparison.Ordinal) || evaluation.Contains("/anyOf", StringComparison.Ordinal)))
        || evaluation.Contains("/propertyNames", StringComparison.Ordinal);

    /// <summary>One schema error in words, with the policy or shock kind where the branch of a kind found it.</summary>
    static string Reason(JsonObject root, string pointer, string evaluation, string keyword, string errorKeyword, string message, Uri schemaLocation)
    {
        var item = ItemPattern().Match(pointer);
        var kind = item.Success && Find(root, $"/{item.Groups[1].Value}/{item.Groups[2].Value}/kind") is JsonValue k && k.TryGetValue<string>(out var kindName)
            ? kindName : null;
        var what = item.Groups[1].Value == "policies" ? "policy" : "shock";
        var inBranch = kind is not null && evaluation.Contains("/then/", StringComparison.Ordinal);
        if ((keyword == "additionalProperties" && errorKeyword is "" or "additionalProperties") || message.Contains("false schema", StringComparison.Ordinal))
        {
            var key = Unescape(pointer.Split('/').Last());
            return inBranch && Unescape(item.Groups[3].Value) == key && !item.Groups[4].Success ? $"unknown key '{key}' for {A(kind!)} {what}" : $"unknown key '{key}'";
        }
        if (errorKeyword == "required")
        {
            var keys = QuotedPattern().Matches(message).Select(m => $"'{m.Groups[1].Value}'").ToArray();
            var missing = $"missing key{(keys.Length == 1 ? "" : "s")} {string.Join(", ", keys)}";
            if (!item.Success || item.Groups[3].Success) return missing;
            if (kind == "rationing" && keys.Contains("'to'")) return missing + " (a rationing order needs an end)";
            return inBranch ? $"{missing} for {A(kind!)} {what}" : missing;
        }
        if (item.Success && item.Groups[3].Value is "from" or "to" && !item.Groups[4].Success)
            return $"{Shown(Find(root, pointer))} is not a date (YYYY-MM-DD) or a year (2000–2100)";
        if (errorKeyword == "enum") return $"{Shown(Find(root, pointer))} is not one of {EnumOf(schemaLocation)}";
        return message;
    }

    static string A(string kind) => ("aeiou".Contains(kind[0]) ? "an " : "a ") + kind;

    /// <summary>/policies/3, /policies/3/key, /policies/3/key/…: the list, the index, the item's key and anything below it.</summary>
    [GeneratedRegex(@"^/(policies|shocks)/(\d+)(?:/([^/]+)(/.*)?)?$")]
    private static partial Regex ItemPattern();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedPattern();

    /// <summary>The shipped markets.yaml with the scenario's keys over it: mappings merge key by key, anything else replaces.</summary>
    public static MarketSettings MergedMarkets(JsonObject? overrides)
    {
        var merged = YamlTree.Parse(DataFiles.ReadText("markets.yaml")).Root!.AsObject();
        if (overrides is not null) Merge(merged, overrides);
        return merged.Deserialize<MarketSettings>(MarketJson) ?? throw new JsonException("no market settings");
    }

    static void Merge(JsonObject into, JsonObject from)
    {
        foreach (var (key, value) in from)
        {
            if (value is JsonObject child && into[key] is JsonObject existing) Merge(existing, child);
            else into[key] = value?.DeepClone();
        }
    }

    static void CheckMarketReferences(JsonObject markets, ProvinceInventory? inventory, Action<string, string> problem)
    {
        var catalogue = IndustryCatalogue.Default;
        var known = string.Join(", ", catalogue.Ids);
        void Industries(JsonNode? node, string pointer)
        {
            if (node is not JsonObject map) return;
            foreach (var (industry, _) in map.Where(kv => !catalogue.Contains(kv.Key)))
                problem($"{pointer}/{YamlTree.Escape(industry)}", $"no industry '{industry}' in the catalogue ({known})");
        }
        Industries(markets["greenPower"]?["buyers"], "/markets/greenPower/buyers");
        Industries(markets["carbon"]?["abatementCost"], "/markets/carbon/abatementCost");
        if (inventory is null || markets["greenPower"]?["bilateral"]?["contracts"] is not JsonArray contracts) return; // a province problem is reported above
        var plants = inventory.Assets.Where(a => a.Owner == "grid").Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var enterprises = inventory.Enterprises.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < contracts.Count; i++)
        {
            var at = $"/markets/greenPower/bilateral/contracts/{i}";
            if (contracts[i]?["seller"] is JsonValue seller && seller.TryGetValue<string>(out var plant) && !plants.Contains(plant))
                problem(at + "/seller", $"no grid plant '{plant}' in the province");
            if (contracts[i]?["buyer"] is JsonValue buyer && buyer.TryGetValue<string>(out var enterprise) && !enterprises.Contains(enterprise))
                problem(at + "/buyer", $"no enterprise '{enterprise}' in the province");
        }
    }

    static JsonNode? Find(JsonNode root, string pointer)
    {
        JsonNode? node = root;
        foreach (var part in pointer.Split('/').Skip(1))
            node = node is JsonArray list ? (int.TryParse(part, out var i) && i >= 0 && i < list.Count ? list[i] : null) : (node as JsonObject)?[Unescape(part)];
        return node;
    }

    static string Shown(JsonNode? value) => value is null ? "null" : value.ToJsonString();

    /// <summary>The values an enum keyword allows, from the schema itself (its location's fragment is a JSON pointer).</summary>
    static string EnumOf(Uri location)
    {
        JsonNode? node = JsonNode.Parse(SchemaText.Value);
        var fragment = Uri.UnescapeDataString(location.Fragment).TrimStart('#');
        if (!fragment.EndsWith("/enum", StringComparison.Ordinal)) fragment += "/enum";
        var previous = "";
        foreach (var part in fragment.Split('/').Skip(1))
        {
            // JsonSchema.Net names the location of an array's items schema ".../items/<the array's key>": skip that part.
            if (previous == "items" && node is JsonObject items && !items.ContainsKey(Unescape(part))) continue;
            node = node is JsonObject o ? o[Unescape(part)] : node is JsonArray a && int.TryParse(part, out var i) ? a[i] : null;
            previous = part;
        }
        return node is JsonArray values ? string.Join(", ", values.Select(v => v?.ToString())) : "the allowed values";
    }

    static string Unescape(string part) => part.Replace("~1", "/").Replace("~0", "~");

    static int? Int(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue ? (int)l : null;

    static double? Number(JsonNode? node) =>
        node is JsonValue v ? (v.TryGetValue<double>(out var d) ? d : v.TryGetValue<long>(out var l) ? l : null) : null;
}
