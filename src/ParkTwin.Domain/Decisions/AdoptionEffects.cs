using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Domain.Decisions;

/// <summary>
/// Turns an enterprise's adoptions into what the twin steps in a year: monthly intensity multipliers
/// (<see cref="EnterpriseMeasures"/>) and the PV and storage assets it built. Adoptions stay in effect once made
/// (an asset at the end of its life is assumed replaced). The green-power contract changes no intensity: the market
/// layer signs it for <see cref="AdoptionEffect.GreenShare"/> of demand.
/// </summary>
public static class AdoptionEffects
{
    /// <summary>
    /// Multipliers for <paramref name="year"/>: each adoption's factor from its effective month on (1 before),
    /// stacked multiplicatively; captured shares stack as 1 − Π(1 − share). Null arrays where nothing changes.
    /// </summary>
    public static EnterpriseMeasures Measures(IEnumerable<Adoption> adoptions, int year)
    {
        double[]? fuel = null, process = null, electricity = null, heat = null, kept = null;
        foreach (var a in adoptions)
        {
            if (a.EffectiveYear > year) continue;
            var from = a.EffectiveYear == year ? a.EffectiveMonth : 0;
            Apply(ref fuel, a.Effect.Fuel, from);
            Apply(ref process, a.Effect.Process, from);
            Apply(ref electricity, a.Effect.Electricity, from);
            Apply(ref heat, a.Effect.Heat, from);
            Apply(ref kept, 1 - a.Effect.Captured, from);
        }
        var captured = kept?.Select(k => 1 - k).ToArray();
        if (fuel is null && process is null && electricity is null && heat is null && captured is null) return EnterpriseMeasures.None;
        return new EnterpriseMeasures { Fuel = fuel, Process = process, Electricity = electricity, Heat = heat, Captured = captured };
    }

    static void Apply(ref double[]? monthly, double factor, int fromMonth)
    {
        if (factor == 1) return;
        monthly ??= Enumerable.Repeat(1.0, 12).ToArray();
        for (var m = fromMonth; m < 12; m++) monthly[m] *= factor;
    }

    /// <summary>
    /// The PV and storage adoptions in service by the end of <paramref name="year"/>, as assets of the enterprise
    /// (ids "&lt;enterprise&gt;-pv-adopt" and "&lt;enterprise&gt;-storage-adopt"), in service from their effective month.
    /// </summary>
    public static IReadOnlyList<AssetSpec> Assets(IEnumerable<Adoption> adoptions, int year)
    {
        var assets = new List<AssetSpec>();
        foreach (var a in adoptions.Where(a => a.EffectiveYear <= year).OrderBy(a => a.Enterprise, StringComparer.Ordinal).ThenBy(a => a.Option, StringComparer.Ordinal))
        {
            if (a.Effect.PvMW > 0)
                assets.Add(new AssetSpec
                {
                    Id = a.Enterprise + "-pv-adopt", Kind = AssetKind.Pv, Owner = a.Enterprise, Park = a.Park,
                    CapacityMW = a.Effect.PvMW, InService = a.EffectiveFrom,
                });
            if (a.Effect.StorageMW > 0)
                assets.Add(new AssetSpec
                {
                    Id = a.Enterprise + "-storage-adopt", Kind = AssetKind.Storage, Owner = a.Enterprise, Park = a.Park,
                    CapacityMW = a.Effect.StorageMW, EnergyMWh = a.Effect.StorageMWh, InService = a.EffectiveFrom,
                });
        }
        return assets;
    }

    /// <summary>Share of its electricity the enterprise has contracted green in <paramref name="year"/> (0: none), and the month it starts.</summary>
    public static (double Share, int FromMonth) GreenPower(IEnumerable<Adoption> adoptions, int year)
    {
        foreach (var a in adoptions)
            if (a.Effect.GreenShare > 0 && a.EffectiveYear <= year)
                return (a.Effect.GreenShare, a.EffectiveYear == year ? a.EffectiveMonth : 0);
        return (0, 0);
    }
}
