using ParkTwin.Domain.Data;
using ParkTwin.Domain.Factors;

namespace ParkTwin.Domain.Markets;

/// <summary>A sector with a free-allocation benchmark (tCO2 per unit of its product) and an adjustment factor, per year.</summary>
public sealed record EtsSector(string Id, string Product, string Unit, IReadOnlyList<string> Industries, bool Covered, YearSeries Benchmark, YearSeries Adjustment);

/// <summary>
/// China's national ETS rules from simulations/data/ets.yaml: benchmarks, adjustment factors, the fine multiple,
/// the offset limit, reference prices and the scenario levers (auctioned share, cap). Values for a year use the
/// newest entry not after it (<see cref="YearSeries"/>).
/// </summary>
public sealed class EtsRules
{
    public required IReadOnlyDictionary<string, EtsSector> Sectors { get; init; }
    /// <summary>Fine per tonne short = multiple × reference price (5-10).</summary>
    public required double PenaltyMultiple { get; init; }
    /// <summary>Offsets may cover at most this share of the obligation (0.05).</summary>
    public required double OffsetMaxShare { get; init; }
    /// <summary>The fine's price when the month before the deadline had no trade, CNY/t.</summary>
    public required YearSeries ReferencePrice { get; init; }
    public required IReadOnlyDictionary<int, (double AuctionShare, long? Cap)> YearLevers { get; init; }

    static readonly Lazy<EtsRules> LazyDefault = new(() => Parse(DataFiles.ReadText("ets.yaml")));

    public static EtsRules Default => LazyDefault.Value;

    public EtsSector Sector(string id) =>
        Sectors.TryGetValue(id, out var s) ? s : throw new InputException("sector", $"unknown ETS sector '{id}'; expected one of {string.Join(", ", Sectors.Keys)}");

    /// <summary>The sector covering an industry of industries.yaml, or null (only sectors marked covered count unless asked).</summary>
    public EtsSector? SectorOfIndustry(string industry, bool includeScenarioSectors = false) =>
        Sectors.Values.FirstOrDefault(s => (s.Covered || includeScenarioSectors) && s.Industries.Contains(industry));

    public (double AuctionShare, long? Cap) Levers(int year) => YearLevers.TryGetValue(year, out var l) ? l : (0, null);

    /// <summary>The same rules with another fine multiple, within the legal 5-10: a scenario lever.</summary>
    public EtsRules WithPenaltyMultiple(double multiple) =>
        multiple is >= 5 and <= 10 ? new EtsRules
        {
            Sectors = Sectors, PenaltyMultiple = multiple, OffsetMaxShare = OffsetMaxShare, ReferencePrice = ReferencePrice, YearLevers = YearLevers,
        } : throw new InputException("penalty.multiple", $"must be between 5 and 10 (got {multiple})");

    public static EtsRules Parse(string yaml)
    {
        var y = DataFiles.ParseYaml<EtsRulesYaml>(yaml);
        var p = y.Penalty;
        if (!(p.MinMultiple > 0 && p.MinMultiple <= p.Multiple && p.Multiple <= p.MaxMultiple))
            throw new InputException("penalty.multiple", $"must lie in [minMultiple, maxMultiple] (got {p.Multiple} in [{p.MinMultiple}, {p.MaxMultiple}])");
        if (!(y.Offsets.MaxShare is >= 0 and <= 1)) throw new InputException("offsets.maxShare", $"must be a fraction (got {y.Offsets.MaxShare})");
        if (y.ReferencePrices.Count == 0) throw new InputException("referencePrices", "needs at least one year");
        for (var i = 0; i < y.ReferencePrices.Count; i++)
            if (!(y.ReferencePrices[i].CnyPerTonne > 0)) throw new InputException($"referencePrices[{i}].cnyPerTonne", "must be positive");
        var levers = new Dictionary<int, (double, long?)>();
        for (var i = 0; i < y.Years.Count; i++)
        {
            var year = y.Years[i];
            if (!(year.AuctionShare is >= 0 and <= 1)) throw new InputException($"years[{i}].auctionShare", "must be a fraction");
            if (year.Cap is < 0) throw new InputException($"years[{i}].cap", "must not be negative");
            if (!levers.TryAdd(year.Year, (year.AuctionShare, year.Cap))) throw new InputException($"years[{i}].year", "year appears twice");
        }
        var sectors = new Dictionary<string, EtsSector>(StringComparer.Ordinal);
        for (var i = 0; i < y.Sectors.Count; i++)
        {
            var s = y.Sectors[i];
            var path = $"sectors[{i}]";
            if (string.IsNullOrEmpty(s.Id)) throw new InputException(path + ".id", "required");
            if (s.Benchmarks.Count == 0) throw new InputException(path + ".benchmarks", "needs at least one year");
            for (var b = 0; b < s.Benchmarks.Count; b++)
            {
                if (!(s.Benchmarks[b].Tco2PerUnit > 0)) throw new InputException($"{path}.benchmarks[{b}].tco2PerUnit", "must be positive");
                if (!(s.Benchmarks[b].Adjustment > 0)) throw new InputException($"{path}.benchmarks[{b}].adjustment", "must be positive");
            }
            var sector = new EtsSector(s.Id, s.Product ?? s.Id, s.Unit ?? "", s.Industries, s.Covered,
                new YearSeries(s.Benchmarks.Select(b => KeyValuePair.Create(b.Year, b.Tco2PerUnit))),
                new YearSeries(s.Benchmarks.Select(b => KeyValuePair.Create(b.Year, b.Adjustment))));
            if (!sectors.TryAdd(s.Id, sector)) throw new InputException(path + ".id", $"duplicate sector '{s.Id}'");
        }
        return new EtsRules
        {
            Sectors = sectors,
            PenaltyMultiple = p.Multiple,
            OffsetMaxShare = y.Offsets.MaxShare,
            ReferencePrice = new YearSeries(y.ReferencePrices.Select(r => KeyValuePair.Create(r.Year, r.CnyPerTonne))),
            YearLevers = levers,
        };
    }
}
