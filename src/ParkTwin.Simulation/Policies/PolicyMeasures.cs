using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Profiles;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Simulation.Policies;

/// <summary>
/// Each enterprise's measures for a year: its adopted abatement, then output-change shocks, then caps (met by an
/// output quota on the months in force), then rationing cuts (tier by tier, in the order's priority).
/// </summary>
public static class PolicyMeasures
{
    /// <param name="adopted">The abatement in effect for an enterprise this year (<see cref="EnterpriseMeasures.None"/> when none).</param>
    public static ProvinceInventory Apply(PolicyYear year, ProvinceInventory inventory, RunFactors factors,
        IReadOnlyDictionary<string, IndustryProfile> industries, Func<EnterpriseSpec, EnterpriseMeasures> adopted)
    {
        var enterprises = inventory.Enterprises;
        var index = enterprises.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        int Index(EnterpriseSpec e) => index[e.Id];
        var measures = enterprises.Select(adopted).ToArray();
        var intensities = enterprises.Select(e => EnterpriseIntensity.Of(e, industries[e.Industry], factors)).ToArray();
        var output = measures.Select(m => (double[]?)m.Output?.Clone()).ToArray();
        var cuts = measures.Select(m => m.Cuts.ToList()).ToArray();
        double[] Output(int i) => output[i] ??= Enumerable.Repeat(1.0, 12).ToArray();

        foreach (var shock in year.InForceShocks("output-change"))
            for (var i = 0; i < enterprises.Count; i++)
                if (year.Covers(shock.Target, enterprises[i]))
                    for (var m = 0; m < 12; m++) Output(i)[m] *= 1 + (shock.Factor!.Value - 1) * year.ShareOfMonth(shock, m);

        // Only emission caps need it: in-park electricity and heat carry no Scope 2 for the enterprise.
        var caps = year.InForce<EmissionCap>().Cast<Policy>().Concat(year.InForce<EnergyCap>()).ToArray();
        var supply = caps.Any(c => c is EmissionCap)
            ? new ParkSupplyExpectation(year.Year, inventory,
                e => EnterpriseExpectation.Annual(e.AnnualOutput, output[Index(e)], year.Year, m => measures[Index(e)].ElectricityPerOutput(intensities[Index(e)], m)),
                e => EnterpriseExpectation.Annual(e.AnnualOutput, output[Index(e)], year.Year, m => measures[Index(e)].HeatPerOutput(intensities[Index(e)], m)),
                ProvinceData.Sichuan, AssetParameters.Default)
            : null;
        foreach (var cap in caps)
        {
            var targets = Enumerable.Range(0, enterprises.Count).Where(i => year.Covers(cap.Target, enterprises[i])).ToArray();
            // Per unit of output in a month, weighted by the share of the month in force.
            double PerOutput(int i, int m)
            {
                var (e, x) = (intensities[i], measures[i]);
                var electricity = x.ElectricityPerOutput(e, m);
                var heat = x.HeatPerOutput(e, m);
                var id = enterprises[i].Id;
                return year.ShareOfMonth(cap, m) * (cap is EmissionCap
                    ? x.Scope1PerOutput(e, m) + electricity * (1 - supply!.Electricity(id)) * factors.GridFactor + heat * (1 - supply.Heat(id)) * factors.HeatCo2PerGJ
                    : x.FuelTcePerOutput(e, m) + electricity * factors.ElectricityTcePerMWh + heat * factors.HeatTcePerGJ);
            }
            var (limit, reduction) = cap switch
            {
                EmissionCap c => (c.Limit, c.Reduction),
                EnergyCap c => (c.Limit, c.Reduction),
                _ => throw new InvalidOperationException(cap.Kind),
            };
            // The limit is annual: the months in force get their share of it, against what the targets expect to use in them.
            var expected = targets.Sum(i => EnterpriseExpectation.Annual(enterprises[i].AnnualOutput, output[i], year.Year, m => PerOutput(i, m)));
            var allowed = limit is { } l
                ? l * Enumerable.Range(0, 12).Sum(m => year.ShareOfMonth(cap, m) * EnterpriseExpectation.ShareOfYear(year.Year, m))
                : expected * (1 - reduction!.Value);
            var kept = expected > 0 ? Math.Min(1, allowed / expected) : 1;
            if (kept >= 1) continue;
            foreach (var i in targets)
                for (var m = 0; m < 12; m++) Output(i)[m] *= 1 - (1 - kept) * year.ShareOfMonth(cap, m);
        }

        foreach (var order in year.InForce<Rationing>())
        {
            var (start, end) = year.Hours(order);
            if (end <= start) continue;
            var exempt = order.Exempt.ToHashSet(StringComparer.Ordinal);
            var assigned = new HashSet<int>();
            var remaining = order.DemandCutMW;
            var hours = TwinFactory.Calendar(year.Year).Hours;
            foreach (var tier in order.Tiers)
            {
                if (remaining is <= 0) break;
                var members = Enumerable.Range(0, enterprises.Count)
                    .Where(i => !assigned.Contains(i) && !exempt.Contains(enterprises[i].Industry) && year.Covers(order.Target, enterprises[i])
                        && (tier.Industries.Count == 0 || tier.Industries.Contains(enterprises[i].Industry)))
                    .ToArray();
                assigned.UnionWith(members);
                var share = tier.Cut;
                if (remaining is { } r)
                {
                    // Average demand (MW) the tier would shed at its full cut; the last tier needed is cut only as deep as required.
                    var tierMW = tier.Cut * members.Sum(i =>
                        EnterpriseExpectation.Annual(enterprises[i].AnnualOutput, output[i], year.Year, m => measures[i].ElectricityPerOutput(intensities[i], m))) / hours;
                    if (tierMW <= 0) continue;
                    share = tier.Cut * Math.Min(1, r / tierMW);
                    remaining = r - tierMW * Math.Min(1, r / tierMW);
                }
                foreach (var i in members) cuts[i].Add(new OutputCut(start, end, share, order.Label.Length > 0 ? order.Label : "rationing"));
            }
        }

        var result = enterprises.Select((e, i) =>
        {
            var m = measures[i] with { Output = output[i], Cuts = cuts[i].ToArray() };
            return e with { Measures = m.IsNone ? null : m };
        }).ToList();
        return inventory with { Enterprises = result };
    }
}
