using System.Globalization;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;

namespace ParkTwin.Simulation.Synthetic;

/// <summary>Totals of an inventory: counts, capacity by kind, expected enterprise electricity and grid generation.</summary>
public sealed record InventorySummary
{
    public required int Parks { get; init; }
    public required int Enterprises { get; init; }
    public required int Assets { get; init; }
    public required int PrefecturesWithParks { get; init; }
    public required IReadOnlyDictionary<AssetKind, double> CapacityMWByKind { get; init; }
    /// <summary>Σ output × electricity per unit × efficiency over the enterprises, MWh per year.</summary>
    public required double EnterpriseElectricityMWh { get; init; }
    /// <summary>Expected annual generation of the grid-owned fleet by kind (monthly capacity factors), MWh.</summary>
    public required IReadOnlyDictionary<AssetKind, double> GridGenerationMWhByKind { get; init; }

    public double GridHydroShare =>
        (GridGenerationMWhByKind.GetValueOrDefault(AssetKind.HydroRunOfRiver) + GridGenerationMWhByKind.GetValueOrDefault(AssetKind.HydroReservoir))
        / Math.Max(1e-9, GridGenerationMWhByKind.Values.Sum());

    public static InventorySummary Of(ProvinceInventory inventory, IndustryCatalogue catalogue, ProvinceData province)
    {
        var capacity = AssetKindNames.All.ToDictionary(k => k, k => inventory.Assets.Where(a => a.Kind == k).Sum(a => a.CapacityMW));
        var generation = AssetKindNames.All.Where(k => province.MonthlyCapacityFactor(k) is not null).ToDictionary(
            k => k,
            k => inventory.Assets.Where(a => a.Kind == k && a.Owner == GridFleetBuilder.GridOwner)
                .Sum(a => province.ExpectedAnnualMWh(k, a.CapacityMW)));
        return new InventorySummary
        {
            Parks = inventory.Parks.Count,
            Enterprises = inventory.Enterprises.Count,
            Assets = inventory.Assets.Count,
            PrefecturesWithParks = inventory.Parks.Select(p => p.Prefecture).Distinct().Count(),
            CapacityMWByKind = capacity,
            EnterpriseElectricityMWh = inventory.Enterprises.Sum(e =>
                e.AnnualOutput * catalogue.Get(e.Industry).ElectricityMWhPerUnit * e.Efficiency),
            GridGenerationMWhByKind = generation,
        };
    }

    /// <summary>One paragraph for the console.</summary>
    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        var capacity = string.Join(", ", CapacityMWByKind.Where(p => p.Value > 0)
            .Select(p => string.Format(c, "{0} {1:N1} GW", p.Key.Name(), p.Value / 1000)));
        var generation = string.Join(", ", GridGenerationMWhByKind.Where(p => p.Value > 0)
            .Select(p => string.Format(c, "{0} {1:N1}", p.Key.Name(), p.Value / 1e6)));
        return string.Format(c,
            "{0} parks in {1} prefectures, {2:N0} enterprises, {3:N0} assets. Capacity by kind: {4}. " +
            "Expected park-enterprise electricity {5:N1} TWh/yr. Expected grid generation (TWh/yr): {6}; hydro share {7:P1}.",
            Parks, PrefecturesWithParks, Enterprises, Assets, capacity, EnterpriseElectricityMWh / 1e6, generation, GridHydroShare);
    }
}
