using Bogus;
using ParkTwin.Domain;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;

namespace ParkTwin.Simulation.Synthetic;

/// <summary>
/// Generates a synthetic province (parks, enterprises, their assets and the grid fleet) from the industry
/// catalogue and the province data. Deterministic: the same seed and scale give the same inventory; every
/// stage and entity draws from its own Bogus <see cref="Randomizer"/> derived from (seed, name).
/// </summary>
public sealed class ProvinceGenerator(IndustryCatalogue catalogue, ProvinceData province)
{
    public const double MaxScale = 10;

    /// <summary>Boost on a focus industry's weight when drawing a park's enterprises.</summary>
    const double FocusBoost = 4;

    public ProvinceGenerator() : this(IndustryCatalogue.Default, ProvinceData.Sichuan) { }

    public static ProvinceInventory Generate(int seed, double scale) => new ProvinceGenerator().Create(seed, scale);

    public ProvinceInventory Create(int seed, double scale)
    {
        if (!double.IsFinite(scale) || scale <= 0 || scale > MaxScale)
            throw new InputException("scale", $"must be > 0 and <= {MaxScale} (got {scale})");
        foreach (var p in province.Prefectures)
        foreach (var industry in p.Lean.Keys)
            if (!catalogue.Contains(industry))
                throw new InputException($"prefectures.{p.Id}.lean.{industry}", "unknown industry");

        var parks = CreateParks(seed, scale);
        var enterprises = CreateEnterprises(seed, scale, parks);
        var assets = new List<AssetSpec>();
        assets.AddRange(new GridFleetBuilder(province).Build(seed, scale));
        assets.AddRange(new FacilityBuilder(catalogue, province).Build(seed, parks.Select(p => p.Spec), enterprises));

        return new ProvinceInventory
        {
            Province = province.Province,
            Seed = seed,
            Scale = scale,
            Parks = parks.Select(p => p.Spec).OrderBy(p => p.Id, StringComparer.Ordinal).ToList(),
            Enterprises = enterprises.OrderBy(e => e.Id, StringComparer.Ordinal).ToList(),
            Assets = assets.OrderBy(a => a.Id, StringComparer.Ordinal).ToList(),
        };
    }

    sealed record DraftPark(ParkSpec Spec, Prefecture Prefecture, double SizeWeight);

    List<DraftPark> CreateParks(int seed, double scale)
    {
        var sizes = province.Synthetic;
        var count = Math.Max(1, (int)Math.Round(sizes.Parks * scale));
        var prefectures = province.Prefectures;
        var weights = prefectures.Select(p => p.Weight).ToList();
        int[] perPrefecture;
        if (count >= prefectures.Count)
        {
            // every prefecture gets one park, the rest by weight
            perPrefecture = Draw.Apportion(count - prefectures.Count, weights).Select(n => n + 1).ToArray();
        }
        else
        {
            perPrefecture = new int[prefectures.Count];
            foreach (var i in Draw.WeightedDistinct(Draw.For(seed, "park-prefectures"), weights, count)) perPrefecture[i] = 1;
        }

        var industries = catalogue.All;
        var parks = new List<DraftPark>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var pi = 0; pi < prefectures.Count; pi++)
        for (var k = 0; k < perPrefecture[pi]; k++)
        {
            var prefecture = prefectures[pi];
            var id = $"P{parks.Count + 1:000}";
            var random = Draw.For(seed, id);
            var national = random.Double() < sizes.NationalParkShare;
            var focusWeights = industries.Select(i => Math.Sqrt(i.EnterpriseShare) * prefecture.LeanOn(i.Id)).ToList();
            var focus = Draw.WeightedDistinct(random, focusWeights, random.Number(1, 3)).Select(i => industries[i]).ToList();
            var name = Names.Park(random, prefecture.Name, Names.ShortIndustry(focus[0].Name), national);
            for (var n = 2; !names.Add(name); n++) name = $"{Names.Park(random, prefecture.Name, Names.ShortIndustry(focus[0].Name), national)} {n}";
            var indicators = random.Double() < sizes.IndicatorDataShare;
            var spec = new ParkSpec
            {
                Id = id,
                Name = name,
                Prefecture = prefecture.Id,
                Level = national ? "national" : "provincial",
                Focus = focus.Select(f => f.Id).ToList(),
                SolidWasteUtilisation = indicators ? Math.Round(Draw.Uniform(random, 0.45, 0.98), 3) : null,
                WasteHeatUtilisation = indicators ? Math.Round(Draw.Uniform(random, 0.2, 0.75), 3) : null,
                WaterReuse = indicators ? Math.Round(Draw.Uniform(random, 0.5, 0.97), 3) : null,
            };
            parks.Add(new DraftPark(spec, prefecture, Draw.LogNormal(random, 0.6) * (national ? 2.5 : 1)));
        }
        return parks;
    }

    List<EnterpriseSpec> CreateEnterprises(int seed, double scale, List<DraftPark> parks)
    {
        var sizes = province.Synthetic;
        var total = Math.Max(parks.Count, (int)Math.Round(sizes.Enterprises * scale));
        var parksInPrefecture = parks.GroupBy(p => p.Prefecture.Id).ToDictionary(g => g.Key, g => g.Sum(p => p.SizeWeight));
        var weights = parks.Select(p => p.Prefecture.EnterpriseWeight * p.SizeWeight / parksInPrefecture[p.Prefecture.Id]).ToList();
        var perPark = Draw.Apportion(total - parks.Count, weights).Select(n => n + 1).ToArray();

        var industries = catalogue.All;
        var enterprises = new List<EnterpriseSpec>(total);
        for (var pi = 0; pi < parks.Count; pi++)
        {
            var park = parks[pi];
            var random = Draw.For(seed, park.Spec.Id + "/enterprises");
            var weightsHere = industries
                .Select(i => i.EnterpriseShare * park.Prefecture.LeanOn(i.Id) * (park.Spec.Focus.Contains(i.Id) ? FocusBoost : 1))
                .ToList();
            for (var k = 0; k < perPark[pi]; k++)
            {
                // a park's first enterprises are one of each of its focus industries
                var industry = k < park.Spec.Focus.Count
                    ? catalogue.Get(park.Spec.Focus[k])
                    : industries[Draw.Weighted(random, weightsHere)];
                var output = Draw.Skewed(random, industry.TypicalAnnualOutputMin, industry.TypicalAnnualOutputMax, sizes.SizeSkew);
                enterprises.Add(new EnterpriseSpec
                {
                    Id = $"E{enterprises.Count + 1:00000}",
                    Park = park.Spec.Id,
                    Name = Names.Enterprise(random, park.Prefecture.Name, industry.Name),
                    Industry = industry.Id,
                    AnnualOutput = RoundSignificant(output, 4),
                    Efficiency = Math.Round(Draw.Uniform(random, 0.85, 1.2), 3),
                });
            }
        }
        return enterprises;
    }

    internal static double RoundSignificant(double x, int digits)
    {
        if (x == 0) return 0;
        var scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(x))));
        return Math.Round(x * scale) / scale;
    }
}
