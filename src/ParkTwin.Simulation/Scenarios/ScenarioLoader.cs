using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ParkTwin.Domain;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Data;
using ParkTwin.Domain.Inventory;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Synthetic;

namespace ParkTwin.Simulation.Scenarios;

/// <summary>
/// Reads a scenario YAML (docs/scenarios.md), checks it against simulations/scenario.schema.json and then its
/// references (the inventory file, the contracts' plants and buyers, the markets' industries), and either returns
/// the scenario or throws one <see cref="ScenarioException"/> listing every problem with its path and line.
/// </summary>
public static class ScenarioLoader
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

    static readonly string[] NotYetSupported = ["/policies", "/shocks", "/province/overrides"];

    public static bool IsScenarioPath(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public static Scenario Load(string file)
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
                var keyword = detail.EvaluationPath.ToString().Split('/').Last();
                foreach (var (errorKeyword, message) in detail.Errors!)
                {
                    var reason = keyword == "additionalProperties" || message.Contains("false schema", StringComparison.Ordinal)
                        ? $"unknown key '{Unescape(pointer.Split('/').Last())}'"
                        : errorKeyword == "enum" ? $"{Shown(Find(root, pointer))} is not one of {EnumOf(detail.SchemaLocation)}"
                        : message;
                    var line = $"{pointer}\u0000{reason}";
                    if (!structural.Add(line)) continue;
                    Problem(pointer, reason);
                }
            }
        foreach (var pointer in NotYetSupported)
            if (Find(root, pointer) is not null || ContainsKey(root, pointer))
                Problem(pointer, "not yet supported (issue #4); remove it — it would not change the run");

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
            Problem("/province", "give either scale or inventory, not both (overrides of an inventory are not yet supported)");
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

        var years = root["years"] as JsonObject;
        var from = Int(years?["from"]);
        var to = Int(years?["to"]) ?? from;
        if (from is not null && to is not null && to < from) Problem("/years/to", $"must not be before from ({from})");

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
            FromYear = from!.Value,
            ToYear = to!.Value,
            Tick = (root["tick"] as JsonValue)?.GetValue<string>() ?? "day",
            Markets = markets!,
            OutputDirectory = (root["outputs"]?["directory"] as JsonValue)?.GetValue<string>(),
        };
    }

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
        foreach (var part in pointer.Split('/').Skip(1)) node = (node as JsonObject)?[Unescape(part)];
        return node;
    }

    static bool ContainsKey(JsonObject root, string pointer)
    {
        var parts = pointer.Split('/').Skip(1).Select(Unescape).ToArray();
        JsonNode? node = root;
        foreach (var part in parts[..^1]) node = (node as JsonObject)?[part];
        return node is JsonObject parent && parent.ContainsKey(parts[^1]);
    }

    static string Shown(JsonNode? value) => value is null ? "null" : value.ToJsonString();

    /// <summary>The values an enum keyword allows, from the schema itself (its location's fragment is a JSON pointer).</summary>
    static string EnumOf(Uri location)
    {
        JsonNode? node = JsonNode.Parse(SchemaText.Value);
        var fragment = Uri.UnescapeDataString(location.Fragment).TrimStart('#');
        if (!fragment.EndsWith("/enum", StringComparison.Ordinal)) fragment += "/enum";
        foreach (var part in fragment.Split('/').Skip(1))
            node = node is JsonObject o ? o[Unescape(part)] : node is JsonArray a && int.TryParse(part, out var i) ? a[i] : null;
        return node is JsonArray values ? string.Join(", ", values.Select(v => v?.ToString())) : "the allowed values";
    }

    static string Unescape(string part) => part.Replace("~1", "/").Replace("~0", "~");

    static int? Int(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue ? (int)l : null;

    static double? Number(JsonNode? node) =>
        node is JsonValue v ? (v.TryGetValue<double>(out var d) ? d : v.TryGetValue<long>(out var l) ? l : null) : null;
}
