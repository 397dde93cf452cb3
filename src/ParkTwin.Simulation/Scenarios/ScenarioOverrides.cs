using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ParkTwin.Domain;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;
using ParkTwin.Simulation.Synthetic;

namespace ParkTwin.Simulation.Scenarios;

/// <summary>
/// <c>province.overrides</c>: remove parks (with their enterprises and assets), enterprises (with their assets) and
/// assets; add parks, enterprises and assets in the inventory file's shape; set an enterprise's output or efficiency
/// and an asset's capacity or energy. The result is checked by <see cref="InventoryValidator"/>; each of its problems
/// is reported at the override that caused it (an added item's key, a set value), or at <c>province.overrides</c>
/// with the inventory path for a generated or read item.
/// </summary>
static partial class ScenarioOverrides
{
    const string At = "/province/overrides";

    sealed class Item<T>(T spec, string? origin)
    {
        public T Spec { get; set; } = spec;
        /// <summary>The override that added or changed it (a JSON pointer), or null for a generated or read item.</summary>
        public string? Origin { get; set; } = origin;
        public bool Set { get; set; }
    }

    /// <summary>
    /// The inventory with the overrides applied (after a problem, without the items at fault, so that the scenario's
    /// other references can still be checked), or null when it cannot be made valid by dropping items.
    /// </summary>
    public static ProvinceInventory? Apply(ProvinceInventory inventory, JsonObject overrides, Action<string, string> problem)
    {
        var parks = inventory.Parks.Select(p => new Item<ParkSpec>(p, null)).ToList();
        var enterprises = inventory.Enterprises.Select(e => new Item<EnterpriseSpec>(e, null)).ToList();
        var assets = inventory.Assets.Select(a => new Item<AssetSpec>(a, null)).ToList();

        // remove: a park takes its enterprises and their assets and the park's own assets; an enterprise its assets.
        if (overrides["remove"] is JsonArray remove)
            for (var i = 0; i < remove.Count; i++)
            {
                if (remove[i] is not JsonValue v || !v.TryGetValue<string>(out var id)) continue;
                if (parks.RemoveAll(p => p.Spec.Id == id) > 0)
                {
                    var gone = enterprises.Where(e => e.Spec.Park == id).Select(e => e.Spec.Id).ToHashSet(StringComparer.Ordinal);
                    enterprises.RemoveAll(e => gone.Contains(e.Spec.Id));
                    assets.RemoveAll(a => a.Spec.Park == id || a.Spec.Owner == id || gone.Contains(a.Spec.Owner));
                }
                else if (enterprises.RemoveAll(e => e.Spec.Id == id) > 0) assets.RemoveAll(a => a.Spec.Owner == id);
                else if (assets.RemoveAll(a => a.Spec.Id == id) == 0) problem($"{At}/remove/{i}", $"no park, enterprise or asset '{id}' in the province");
            }

        // add: items in the inventory file's JSON shape.
        var add = overrides["add"] as JsonObject;
        Add(add?["parks"], "parks", parks, problem);
        Add(add?["enterprises"], "enterprises", enterprises, problem);
        Add(add?["assets"], "assets", assets, problem);

        // set: an enterprise's annualOutput/efficiency, an asset's capacityMW/energyMWh.
        if (overrides["set"] is JsonObject set)
            foreach (var (id, node) in set)
            {
                if (node is not JsonObject values) continue;
                var at = $"{At}/set/{YamlTree.Escape(id)}";
                if (enterprises.FirstOrDefault(e => e.Spec.Id == id) is { } enterprise)
                {
                    foreach (var key in values.Select(kv => kv.Key).Where(k => k is "capacityMW" or "energyMWh"))
                        problem($"{at}/{key}", $"'{id}' is an enterprise: set annualOutput or efficiency");
                    enterprise.Spec = enterprise.Spec with
                    {
                        AnnualOutput = Number(values["annualOutput"]) ?? enterprise.Spec.AnnualOutput,
                        Efficiency = Number(values["efficiency"]) ?? enterprise.Spec.Efficiency,
                    };
                    (enterprise.Origin, enterprise.Set) = (enterprise.Origin ?? at, enterprise.Origin is null);
                }
                else if (assets.FirstOrDefault(a => a.Spec.Id == id) is { } asset)
                {
                    foreach (var key in values.Select(kv => kv.Key).Where(k => k is "annualOutput" or "efficiency"))
                        problem($"{at}/{key}", $"'{id}' is an asset: set capacityMW or energyMWh");
                    asset.Spec = asset.Spec with
                    {
                        CapacityMW = Number(values["capacityMW"]) ?? asset.Spec.CapacityMW,
                        EnergyMWh = Number(values["energyMWh"]) ?? asset.Spec.EnergyMWh,
                    };
                    (asset.Origin, asset.Set) = (asset.Origin ?? at, asset.Origin is null);
                }
                else problem(at, $"no enterprise or asset '{id}' in the province{(parks.Any(p => p.Spec.Id == id) ? " (a park has nothing to set)" : "")}");
            }

        // The validator stops at the first problem: report it where it came from, drop the item and check again.
        var lists = new Dictionary<string, Func<int, (string? Origin, bool Set, Action Drop)>>
        {
            ["parks"] = i => (parks[i].Origin, parks[i].Set, () => parks.RemoveAt(i)),
            ["enterprises"] = i => (enterprises[i].Origin, enterprises[i].Set, () => enterprises.RemoveAt(i)),
            ["assets"] = i => (assets[i].Origin, assets[i].Set, () => assets.RemoveAt(i)),
        };
        while (true)
        {
            var result = inventory with
            {
                Parks = parks.Select(p => p.Spec).ToList(),
                Enterprises = enterprises.Select(e => e.Spec).ToList(),
                Assets = assets.Select(a => a.Spec).ToList(),
            };
            try
            {
                InventoryValidator.Validate(result, IndustryCatalogue.Default);
                return result;
            }
            catch (InputException e)
            {
                var path = InventoryPath().Match(e.Path);
                if (!path.Success)
                {
                    problem(At, $"after the overrides, {e.Path}: {e.Reason}");
                    return null;
                }
                var (origin, isSet, drop) = lists[path.Groups[1].Value](int.Parse(path.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
                var field = path.Groups[3].Value;
                if (origin is null) problem(At, $"after the overrides, {e.Path}: {e.Reason}");
                else if (isSet) problem(field.Length > 0 && SetKeys.Contains(field) ? $"{origin}/{field}" : origin, e.Reason);
                else problem(field.Length > 0 ? $"{origin}/{field}" : origin, e.Reason);
                drop();
            }
        }
    }

    static readonly string[] SetKeys = ["annualOutput", "efficiency", "capacityMW", "energyMWh"];

    static void Add<T>(JsonNode? node, string name, List<Item<T>> items, Action<string, string> problem)
    {
        if (node is not JsonArray list) return;
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{At}/add/{name}/{i}";
            if (list[i] is not JsonObject item) continue;
            try
            {
                if (item.Deserialize<T>(InventoryFile.Options) is { } spec) items.Add(new Item<T>(spec, at));
            }
            catch (JsonException e)
            {
                // The schema has said what is wrong with it (a missing key, a wrong type); this is for what it cannot see.
                var key = e.Path is { Length: > 2 } p ? "/" + p[2..].Split('.', '[')[0] : "";
                problem(at + key, $"cannot be read as {name[..^1]}: {FirstSentence(e.Message)}");
            }
        }
    }

    static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    static double? Number(JsonNode? node) =>
        node is JsonValue v ? (v.TryGetValue<double>(out var d) ? d : v.TryGetValue<long>(out var l) ? l : null) : null;

    [GeneratedRegex(@"^(parks|enterprises|assets)\[(\d+)\](?:\.(\w+))?")]
    private static partial Regex InventoryPath();
}
