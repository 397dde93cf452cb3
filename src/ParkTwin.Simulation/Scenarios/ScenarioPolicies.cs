using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;
using ParkTwin.Simulation.Policies;

namespace ParkTwin.Simulation.Scenarios;

/// <summary>
/// Reads a scenario's <c>policies:</c> and <c>shocks:</c> into <see cref="Policy"/> and <see cref="Shock"/> records
/// and checks what the schema cannot: dates, the order of from and to, the horizon, the "one of" keys of a kind and
/// every park, prefecture, industry and enterprise they name. Ranges, types and unknown keys are the schema's.
/// </summary>
static partial class ScenarioPolicies
{
    public static readonly IReadOnlyList<string> PolicyKinds =
    [
        "emission-cap", "energy-cap", "green-share-mandate", "phase-out", "rationing", "capex-subsidy", "carbon-tax",
        "carbon-price-bounds", "green-power-discount", "green-loan", "ets-allocation", "ets-recognition", "offset-limit",
        "disclosure", "pilot-title", "coordination-delay",
    ];

    public static readonly IReadOnlyList<string> ShockKinds = ["hydro-availability", "output-change"];

    /// <summary>What the checks refer to: the province after its overrides (null when it could not be built) and the horizon.</summary>
    public sealed class Context(ProvinceInventory? inventory, int? fromYear, int? toYear, Func<string, int> lineOf, Action<string, string> problem)
    {
        public int? FromYear { get; } = fromYear;
        public int? ToYear { get; } = toYear;
        public Func<string, int> LineOf { get; } = lineOf;
        public Action<string, string> Problem { get; } = problem;
        public ProvinceInventory? Inventory { get; } = inventory;
        public HashSet<string>? Parks { get; } = inventory?.Parks.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        public SortedSet<string>? Prefectures { get; } = inventory is null ? null : new(inventory.Parks.Select(p => p.Prefecture), StringComparer.Ordinal);
        public HashSet<string>? Enterprises { get; } = inventory?.Enterprises.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
    }

    public static List<Policy> ReadPolicies(JsonArray items, Context c)
    {
        var policies = new List<Policy>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"/policies/{i}";
            if (items[i] is not JsonObject item || Text(item["kind"]) is not { } kind || !PolicyKinds.Contains(kind)) continue; // the schema says why
            if (Dates(item, at, c) is not { } dates) continue;
            var (from, to) = dates;
            var target = Target(item["target"], at + "/target", c);
            Policy? policy = kind switch
            {
                "emission-cap" => Cap(item, at, c, "tCO2 a year") is var cap ? new EmissionCap { Kind = kind, From = from, Limit = cap.Limit, Reduction = cap.Reduction } : null,
                "energy-cap" => Cap(item, at, c, "tce a year") is var cap ? new EnergyCap { Kind = kind, From = from, Limit = cap.Limit, Reduction = cap.Reduction } : null,
                "green-share-mandate" => new GreenShareMandate { Kind = kind, From = from, Share = Number(item["share"]) ?? 0, MaxPrice = Number(item["maxPrice"]) },
                "phase-out" => new PhaseOut { Kind = kind, From = from, Technology = Text(item["technology"]) ?? "" },
                "rationing" => Rationing(item, at, c, from),
                "capex-subsidy" => new CapexSubsidy { Kind = kind, From = from, Technology = Text(item["technology"]) ?? "", Share = Number(item["share"]) ?? 0 },
                "carbon-tax" => new CarbonTax { Kind = kind, From = from, Rate = Number(item["rate"]) ?? 0 },
                "carbon-price-bounds" => Bounds(item, at, c, from),
                "green-power-discount" => new GreenPowerDiscount { Kind = kind, From = from, Discount = Number(item["discount"]) ?? 0 },
                "green-loan" => new GreenLoan { Kind = kind, From = from, Rate = Number(item["rate"]) ?? 0 },
                "ets-allocation" => Allocation(item, at, c, from),
                "ets-recognition" => new EtsRecognition
                {
                    Kind = kind, From = from, Indirect = Bool(item["indirect"]) ?? true, RecogniseCertificates = Bool(item["recogniseCertificates"]) ?? false,
                },
                "offset-limit" => new OffsetLimit { Kind = kind, From = from, Share = Number(item["share"]) ?? 0 },
                "disclosure" or "pilot-title" => new InformationPolicy { Kind = kind, From = from, HurdleReduction = Number(item["hurdleReduction"]) },
                "coordination-delay" => new CoordinationDelay { Kind = kind, From = from, Channel = Text(item["channel"]) ?? "", Months = (int)(Number(item["months"]) ?? 0) },
                _ => null,
            };
            if (policy is null) continue;
            policies.Add(policy with { To = to, Target = target, Label = Text(item["label"]) ?? "", Line = c.LineOf(at) });
        }
        return policies;
    }

    public static List<Shock> ReadShocks(JsonArray items, Context c)
    {
        var shocks = new List<Shock>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"/shocks/{i}";
            if (items[i] is not JsonObject item || Text(item["kind"]) is not { } kind || !ShockKinds.Contains(kind)) continue;
            if (Dates(item, at, c) is not { } dates) continue;
            var (from, to) = dates;
            var months = new SortedDictionary<int, double>();
            if (kind == "hydro-availability" && item["months"] is JsonObject map)
                foreach (var (key, value) in map)
                {
                    if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
                        c.Problem($"{at}/months/{YamlTree.Escape(key)}", $"'{key}' is not a month (1–12)");
                    else if (Number(value) is { } factor) months[month] = factor;
                }
            shocks.Add(new Shock
            {
                Kind = kind, From = from, To = to, Label = Text(item["label"]) ?? "", Line = c.LineOf(at),
                Target = Target(item["target"], at + "/target", c), Months = months, Factor = kind == "output-change" ? Number(item["factor"]) : null,
            });
        }
        return shocks;
    }

    /// <summary>from and to as dates (a bare year: 1 January and 31 December), checked against each other and the horizon.</summary>
    static (DateOnly From, DateOnly? To)? Dates(JsonObject item, string at, Context c)
    {
        var from = Date(item["from"], end: false, at + "/from", c);
        var to = item["to"] is null ? null : Date(item["to"], end: true, at + "/to", c);
        if (from is null || (item["to"] is not null && to is null)) return null;
        if (to < from) c.Problem(at + "/to", $"{to:yyyy-MM-dd} is before from ({from:yyyy-MM-dd})");
        else if (c.FromYear is { } first && c.ToYear is { } last && (from.Value.Year > last || to?.Year < first))
            c.Problem(at, $"never in force within years {first}–{last} (from {from:yyyy-MM-dd}{(to is null ? "" : $" to {to:yyyy-MM-dd}")})");
        return (from.Value, to);
    }

    static DateOnly? Date(JsonNode? node, bool end, string pointer, Context c)
    {
        if (node is JsonValue v && v.TryGetValue<long>(out var year))
            return year is >= 2000 and <= 2100 ? (end ? new DateOnly((int)year, 12, 31) : new DateOnly((int)year, 1, 1)) : null;
        if (Text(node) is not { } text || !DatePattern().IsMatch(text)) return null; // the schema says why
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        c.Problem(pointer, $"'{text}' is not a calendar date");
        return null;
    }

    static PolicyTarget Target(JsonNode? node, string at, Context c)
    {
        if (node is not JsonObject target) return PolicyTarget.Province;
        return new PolicyTarget
        {
            Parks = Ids(target["parks"], at + "/parks", c, (id, p) =>
            {
                if (c.Parks is not null && !c.Parks.Contains(id)) c.Problem(p, $"no park '{id}' in the province");
            }),
            Prefectures = Ids(target["prefectures"], at + "/prefectures", c, (id, p) =>
            {
                if (c.Prefectures is not null && !c.Prefectures.Contains(id))
                    c.Problem(p, $"no park of the province is in prefecture '{id}' ({string.Join(", ", c.Prefectures)})");
            }),
            Industries = Industries(target["industries"], at + "/industries", c),
            Enterprises = Ids(target["enterprises"], at + "/enterprises", c, (id, p) =>
            {
                if (c.Enterprises is not null && !c.Enterprises.Contains(id)) c.Problem(p, $"no enterprise '{id}' in the province");
            }),
        };
    }

    static IReadOnlyList<string> Industries(JsonNode? node, string at, Context c)
    {
        var catalogue = IndustryCatalogue.Default;
        return Ids(node, at, c, (id, p) =>
        {
            if (!catalogue.Contains(id)) c.Problem(p, $"no industry '{id}' in the catalogue ({string.Join(", ", catalogue.Ids)})");
        });
    }

    static IReadOnlyList<string> Ids(JsonNode? node, string at, Context c, Action<string, string> check)
    {
        if (node is not JsonArray list) return [];
        var ids = new List<string>();
        for (var i = 0; i < list.Count; i++)
            if (Text(list[i]) is { } id)
            {
                check(id, $"{at}/{i}");
                ids.Add(id);
            }
        return ids;
    }

    static (double? Limit, double? Reduction) Cap(JsonObject item, string at, Context c, string unit)
    {
        var limit = Number(item["limit"]);
        var reduction = Number(item["reduction"]);
        if (item.ContainsKey("limit") == item.ContainsKey("reduction"))
            c.Problem(at, $"give exactly one of limit ({unit}) or reduction (a share below expected){(item.ContainsKey("limit") ? ", not both" : "")}");
        return (limit, reduction);
    }

    static Rationing Rationing(JsonObject item, string at, Context c, DateOnly from)
    {
        var tiers = new List<RationingTier>();
        if (item["tiers"] is JsonArray list)
            for (var i = 0; i < list.Count; i++)
                if (list[i] is JsonObject tier)
                    tiers.Add(new RationingTier(Industries(tier["industries"], $"{at}/tiers/{i}/industries", c), Number(tier["cut"]) ?? 0));
        var exempt = Industries(item["exempt"], at + "/exempt", c);
        for (var i = 0; i < tiers.Count; i++)
            foreach (var industry in tiers[i].Industries.Where(exempt.Contains))
                c.Problem($"{at}/tiers/{i}/industries", $"'{industry}' is also exempt");
        return new Rationing { Kind = "rationing", From = from, Tiers = tiers, Exempt = exempt, DemandCutMW = Number(item["demandCutMW"]) };
    }

    static CarbonPriceBounds Bounds(JsonObject item, string at, Context c, DateOnly from)
    {
        var floor = Number(item["floor"]);
        var ceiling = Number(item["ceiling"]);
        if (!item.ContainsKey("floor") && !item.ContainsKey("ceiling")) c.Problem(at, "give floor, ceiling or both (CNY/tCO2)");
        if (floor > ceiling) c.Problem(at + "/floor", $"{Shown(floor)} is above ceiling ({Shown(ceiling)})");
        return new CarbonPriceBounds { Kind = "carbon-price-bounds", From = from, Floor = floor, Ceiling = ceiling };
    }

    static EtsAllocation Allocation(JsonObject item, string at, Context c, DateOnly from)
    {
        if (!item.ContainsKey("allocationFactor") && !item.ContainsKey("auctionShare")) c.Problem(at, "give allocationFactor, auctionShare or both");
        return new EtsAllocation { Kind = "ets-allocation", From = from, AllocationFactor = Number(item["allocationFactor"]), AuctionShare = Number(item["auctionShare"]) };
    }

    static string Shown(double? x) => x?.ToString(CultureInfo.InvariantCulture) ?? "null";

    static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    static bool? Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    static double? Number(JsonNode? node) =>
        node is JsonValue v ? (v.TryGetValue<double>(out var d) ? d : v.TryGetValue<long>(out var l) ? l : null) : null;

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex DatePattern();
}
