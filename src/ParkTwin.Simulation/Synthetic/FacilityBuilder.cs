using Bogus;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;

namespace ParkTwin.Simulation.Synthetic;

/// <summary>
/// Park shared facilities (owned by the park id) and on-site assets of enterprises (owned by the enterprise id).
/// Sizes and probabilities are assumptions, documented in docs/synthetic-province.md.
/// </summary>
sealed class FacilityBuilder(IndustryCatalogue catalogue, ProvinceData province)
{
    static readonly HashSet<string> HeatHungry = ["chemicals", "food", "paper", "polysilicon", "lithium", "battery_cells"];
    static readonly HashSet<string> HeavyIndustry = ["cement", "steel", "ferroalloy", "chemicals", "paper"];
    static readonly HashSet<string> WindPrefectures = ["liangshan", "panzhihua", "ganzi", "aba", "yaan"];

    public IEnumerable<AssetSpec> Build(int seed, IEnumerable<ParkSpec> parks, IReadOnlyList<EnterpriseSpec> enterprises)
    {
        var parkById = parks.ToDictionary(p => p.Id);
        foreach (var park in parkById.Values)
        foreach (var asset in ParkFacilities(seed, park))
            yield return asset;
        foreach (var enterprise in enterprises)
        foreach (var asset in OnSite(seed, enterprise, parkById[enterprise.Park]))
            yield return asset;
    }

    IEnumerable<AssetSpec> ParkFacilities(int seed, ParkSpec park)
    {
        var random = Draw.For(seed, park.Id + "/facilities");
        var prefecture = province.Prefecture(park.Prefecture);
        var big = park.Level == "national" ? 1.5 : 1;
        AssetSpec Make(AssetKind kind, double mw, double hours = 0) => new()
        {
            Id = $"{park.Id}-{kind.Name()}",
            Kind = kind,
            Owner = park.Id,
            Park = park.Id,
            Prefecture = park.Prefecture,
            CapacityMW = Math.Round(mw, 2),
            EnergyMWh = Math.Round(mw * hours, 2),
        };

        if (random.Double() < 0.6) yield return Make(AssetKind.Pv, big * Draw.LogUniform(random, 2, 30));
        if (WindPrefectures.Contains(park.Prefecture) && random.Double() < 0.3)
            yield return Make(AssetKind.Wind, Draw.LogUniform(random, 10, 50));
        if (prefecture.Mountain && random.Double() < 0.4)
            yield return Make(AssetKind.HydroRunOfRiver, Draw.LogUniform(random, 5, 50));
        if (random.Double() < 0.3) yield return Make(AssetKind.Storage, big * Draw.LogUniform(random, 2, 20), hours: 2);
        if (park.Focus.Any(HeatHungry.Contains) && random.Double() < 0.4)
            yield return Make(AssetKind.GasChp, big * Draw.LogUniform(random, 10, 80));
        if (park.Focus.Any(HeavyIndustry.Contains) && random.Double() < 0.35)
            yield return Make(AssetKind.CoalBoiler, big * Draw.LogUniform(random, 20, 150));
    }

    IEnumerable<AssetSpec> OnSite(int seed, EnterpriseSpec enterprise, ParkSpec park)
    {
        var random = Draw.For(seed, enterprise.Id + "/assets");
        var industry = catalogue.Get(enterprise.Industry);
        var annualMWh = enterprise.AnnualOutput * industry.ElectricityMWhPerUnit * enterprise.Efficiency;
        AssetSpec Make(AssetKind kind, double mw, double hours = 0) => new()
        {
            Id = $"{enterprise.Id}-{kind.Name()}",
            Kind = kind,
            Owner = enterprise.Id,
            Park = park.Id,
            Prefecture = park.Prefecture,
            CapacityMW = Math.Round(mw, 3),
            EnergyMWh = Math.Round(mw * hours, 3),
        };

        if (random.Double() < province.Synthetic.EnterpriseRooftopPvShare)
        {
            // roof-limited; at most about a fifth of the firm's own use (~1100 full-load hours)
            var roof = Draw.LogUniform(random, 0.1, 8);
            yield return Make(AssetKind.Pv, Math.Max(0.05, Math.Min(roof, annualMWh * 0.2 / 1100)));
        }
        if (random.Double() < province.Synthetic.EnterpriseStorageShare)
        {
            var averageMW = annualMWh / 8760;
            yield return Make(AssetKind.Storage, Math.Max(0.1, Math.Min(Draw.LogUniform(random, 0.2, 10), averageMW * 0.5)), hours: 2);
        }
    }
}
