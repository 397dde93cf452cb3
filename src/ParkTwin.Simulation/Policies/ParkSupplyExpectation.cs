using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Profiles;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Simulation.Policies;

/// <summary>
/// How much of an enterprise's electricity and heat its park is expected to supply in a year, from the assets in
/// service (annual averages, no weather): in-park supply carries no Scope 2 for the enterprise (DOMAIN.md §2), so an
/// emission cap's expectation counts only the rest at the grid and heat factors.
/// <list type="bullet">
/// <item>Electricity: the enterprise's own generators, plus its share (by expected demand) of the park's shared generators.</item>
/// <item>Heat: the park's boilers (up to their capacity) and CHPs (at their capacity factor) over the park's heat demand.</item>
/// </list>
/// Both are capped at 1, and weighted by the share of the year each asset is in service.
/// </summary>
public sealed class ParkSupplyExpectation
{
    const double GJPerMWh = 3.6;
    readonly Dictionary<string, double> electricityShare = new(StringComparer.Ordinal);
    readonly Dictionary<string, double> heatShare = new(StringComparer.Ordinal);

    /// <param name="electricityMWh">Each enterprise's expected annual electricity; <paramref name="heatGJ"/> its heat.</param>
    public ParkSupplyExpectation(int year, ProvinceInventory inventory, Func<EnterpriseSpec, double> electricityMWh, Func<EnterpriseSpec, double> heatGJ,
        ProvinceData province, AssetParameters parameters)
    {
        var calendar = TwinFactory.Calendar(year);
        double InService(AssetSpec a) =>
            (double)(calendar.HourOf(a.Retired ?? new DateOnly(year + 1, 1, 1)) - calendar.HourOf(a.InService ?? new DateOnly(year, 1, 1))) / calendar.Hours;
        double Generation(AssetSpec a) => a.Kind.IsGenerator() ? province.ExpectedAnnualMWh(a.Kind, a.CapacityMW) * Math.Max(0, InService(a)) : 0;
        var enterprises = inventory.Enterprises.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var demand = inventory.Enterprises.ToDictionary(e => e.Id, electricityMWh, StringComparer.Ordinal);
        var own = new Dictionary<string, double>(StringComparer.Ordinal);
        var shared = new Dictionary<string, double>(StringComparer.Ordinal);
        var heatCapacity = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var a in inventory.Assets.Where(a => a.Owner != Model.ProvinceModel.GridOwner))
        {
            var park = enterprises.TryGetValue(a.Owner, out var owner) ? owner.Park : a.Park ?? a.Owner;
            var share = Math.Max(0, InService(a));
            // GJ a year each heat source can raise: a boiler at full capacity, a CHP at its capacity factor.
            var heat = a.Kind switch
            {
                AssetKind.CoalBoiler => a.CapacityMW * GJPerMWh * calendar.Hours * share,
                AssetKind.GasChp => a.CapacityMW * parameters.GasChp.CapacityFactor * GJPerMWh * parameters.GasChp.HeatToPower * calendar.Hours * share,
                _ => 0,
            };
            heatCapacity[park] = heatCapacity.GetValueOrDefault(park) + heat;
            if (a.Kind is AssetKind.GasChp) continue; // CHP power goes to the grid
            if (owner is not null) own[a.Owner] = own.GetValueOrDefault(a.Owner) + Generation(a);
            else shared[park] = shared.GetValueOrDefault(park) + Generation(a);
        }
        foreach (var park in inventory.Enterprises.GroupBy(e => e.Park, StringComparer.Ordinal))
        {
            var parkDemand = park.Sum(e => demand[e.Id]);
            var parkHeat = park.Sum(heatGJ);
            var heatCovered = parkHeat > 0 ? Math.Min(1, heatCapacity.GetValueOrDefault(park.Key) / parkHeat) : 0;
            foreach (var e in park)
            {
                var supplied = own.GetValueOrDefault(e.Id) + (parkDemand > 0 ? shared.GetValueOrDefault(park.Key) * demand[e.Id] / parkDemand : 0);
                electricityShare[e.Id] = demand[e.Id] > 0 ? Math.Min(1, supplied / demand[e.Id]) : 0;
                heatShare[e.Id] = heatCovered;
            }
        }
    }

    /// <summary>The share of the enterprise's electricity its park and its own generators are expected to supply.</summary>
    public double Electricity(string enterprise) => electricityShare.GetValueOrDefault(enterprise);

    /// <summary>The share of the enterprise's heat the park's boilers and CHPs are expected to supply.</summary>
    public double Heat(string enterprise) => heatShare.GetValueOrDefault(enterprise);
}
