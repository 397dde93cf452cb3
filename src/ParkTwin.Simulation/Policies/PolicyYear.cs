using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Simulation.Policies;

/// <summary>
/// The policy timeline and shocks resolved for one simulated year into what the twins take (docs/policies.md):
/// hydro availability, each enterprise's output quotas and rationing cuts, and the assets a phase-out retires.
/// Adopted abatement (enterprise decisions) is merged in by <see cref="Measures"/>; the markets' share is in
/// <see cref="MarketPolicies"/>.
/// </summary>
public sealed class PolicyYear
{
    readonly IReadOnlyList<Policy> policies;
    readonly IReadOnlyList<Shock> shocks;
    readonly YearCalendar calendar;
    readonly Dictionary<string, ParkSpec> parks;
    /// <summary>Each policy's <see cref="ShareOfMonth"/> for the 12 months, computed once (quotas ask per enterprise).</summary>
    readonly System.Collections.Concurrent.ConcurrentDictionary<Policy, double[]> monthShares = new(ReferenceEqualityComparer.Instance);

    public PolicyYear(int year, IReadOnlyList<Policy> policies, IReadOnlyList<Shock> shocks, ProvinceInventory inventory)
    {
        Year = year;
        this.policies = policies.Where(p => p.InForceDuring(year)).ToArray();
        this.shocks = shocks.Where(s => s.InForceDuring(year)).ToArray();
        calendar = TwinFactory.Calendar(year);
        parks = inventory.Parks.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    public int Year { get; }

    public IEnumerable<T> InForce<T>() where T : Policy => policies.OfType<T>();

    public IEnumerable<Shock> InForceShocks(string kind) => shocks.Where(s => s.Kind == kind);

    public bool Covers(PolicyTarget target, EnterpriseSpec e) =>
        target.Covers(e.Id, e.Park, parks.TryGetValue(e.Park, out var park) ? park.Prefecture : "", e.Industry);

    /// <summary>Monthly multipliers on hydro inflow: the product of the hydro-availability shocks of the year.</summary>
    public double[] HydroAvailability()
    {
        var monthly = Enumerable.Repeat(1.0, 12).ToArray();
        foreach (var shock in InForceShocks("hydro-availability"))
            foreach (var (month, factor) in shock.Months) monthly[month - 1] *= factor;
        return monthly;
    }

    /// <summary>
    /// The share of month <paramref name="month"/>'s days on which a policy is in force: a quota or shock starting
    /// mid-month weighs on the month in proportion, so that the month keeps one intensity (books stay exact).
    /// </summary>
    public double ShareOfMonth(Policy policy, int month) => monthShares.GetOrAdd(policy, p =>
        Enumerable.Range(0, 12).Select(m =>
        {
            var first = new DateOnly(Year, m + 1, 1);
            var days = DateTime.DaysInMonth(Year, m + 1);
            return (double)Enumerable.Range(0, days).Count(d => p.InForce(first.AddDays(d))) / days;
        }).ToArray())[month];

    /// <summary>Hours [start, end) of the year during which a policy is in force.</summary>
    public (int Start, int End) Hours(Policy policy) =>
        (calendar.HourOf(policy.From), policy.To is { } to ? calendar.HourOf(to.AddDays(1)) : calendar.Hours);

    /// <summary>The inventory with the assets phased out this year (or before) retired from the order's start.</summary>
    public ProvinceInventory RetireAssets(ProvinceInventory inventory)
    {
        var orders = InForce<PhaseOut>().ToArray();
        if (orders.Length == 0) return inventory;
        var enterprises = inventory.Enterprises.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var assets = inventory.Assets.Select(a =>
        {
            foreach (var order in orders.Where(o => AssetKindNames.TryParse(o.Technology, out var kind) && kind == a.Kind && Covers(o.Target, a, enterprises)))
                if (a.Retired is null || a.Retired > order.From) a = a with { Retired = order.From };
            return a;
        }).ToList();
        return inventory with { Assets = assets };
    }

    bool Covers(PolicyTarget target, AssetSpec asset, Dictionary<string, EnterpriseSpec> enterprises)
    {
        if (target.IsProvince) return true;
        if (enterprises.TryGetValue(asset.Owner, out var owner)) return Covers(target, owner);
        var park = asset.Park is { } id && parks.TryGetValue(id, out var p) ? p : null;
        var prefecture = park?.Prefecture ?? asset.Prefecture ?? "";
        // A shared facility or a grid plant: targeted by its park or prefecture, not by industry or enterprise.
        return target.Enterprises.Count == 0 && target.Industries.Count == 0
            && (target.Parks.Count == 0 || (park is not null && target.Parks.Contains(park.Id)))
            && (target.Prefectures.Count == 0 || target.Prefectures.Contains(prefecture));
    }
}
