using ParkTwin.Domain.Time;

namespace ParkTwin.Domain.Twin;

/// <summary>
/// What a park hands one enterprise for a tick: its own on-site generation, its share of the park's green electricity
/// and heat, and the province's pool of green generation sold in the green-power market (the enterprise takes its share).
/// </summary>
public sealed record EnterpriseSupply(double[] Onsite, double[] ParkElectricity, double[] ParkHeat, double[]? GreenPool = null,
    double[]? GreenBilateral = null);

/// <summary>
/// One park's energy balance for one tick, hour by hour. The caller steps the assets in three phases
/// (<see cref="Phases"/>), asking for each phase's signals before stepping it and adding the outputs after;
/// then it settles the enterprises with <see cref="SupplyFor"/> and closes the park's books with <see cref="Close"/>.
/// Rules: on-site generation serves its owner first; on-site surplus and shared generation form the park's green
/// pool; shared storage charges from the pool's surplus and covers its deficit; the pool is shared pro rata to the
/// enterprises' remaining demand; what is left is exported. Heat from CHPs, then boilers, is shared pro rata.
/// </summary>
public sealed class ParkTickBalance
{
    public static readonly AssetRole[][] Phases =
    [
        [AssetRole.OnsiteGenerator, AssetRole.SharedGenerator, AssetRole.Chp],
        [AssetRole.Boiler, AssetRole.OnsiteStorage],
        [AssetRole.SharedStorage],
    ];

    readonly ParkLayout layout;
    readonly RunFactors factors;
    readonly int hours;
    readonly double[][] electricityDemand;
    readonly double[][] heatDemand;
    readonly double[]?[] onsite;
    readonly double[] pool;
    readonly double[] heatPool;
    double[]? share;
    double[]? heatShare;
    double[]? export;
    bool anyElectricity;
    bool anyHeat;

    public ParkTickBalance(ParkLayout layout, TickWindow window, RunFactors factors)
    {
        this.layout = layout;
        this.factors = factors;
        Window = window;
        hours = window.Hours;
        electricityDemand = new double[layout.Enterprises.Length][];
        heatDemand = new double[layout.Enterprises.Length][];
        onsite = new double[layout.Enterprises.Length][];
        pool = new double[hours];
        heatPool = new double[hours];
    }

    public TickWindow Window { get; }

    public void SetDemand(int enterprise, double[] electricity, double[] heat)
    {
        if (electricity.Length != hours || heat.Length is not 0 && heat.Length != hours)
            throw new ArgumentException($"{layout.Enterprises[enterprise].Id} planned {electricity.Length} hours for a tick of {hours}");
        electricityDemand[enterprise] = electricity;
        heatDemand[enterprise] = heat;
    }

    /// <summary>The signals of a phase's assets, all computed before any of them is added.</summary>
    public double[][] Signals(IReadOnlyList<int> assets) => assets.Select(SignalFor).ToArray();

    double[] SignalFor(int asset)
    {
        var slot = layout.Assets[asset];
        var signal = new double[hours];
        switch (slot.Role)
        {
            case AssetRole.Boiler:
                for (var h = 0; h < hours; h++) signal[h] = Math.Max(0, TotalAt(heatDemand, h) - heatPool[h]) * slot.SignalShare;
                break;
            case AssetRole.OnsiteStorage:
                var own = onsite[slot.Enterprise];
                for (var h = 0; h < hours; h++) signal[h] = ((own?[h] ?? 0) - electricityDemand[slot.Enterprise][h]) * slot.SignalShare;
                break;
            case AssetRole.SharedStorage:
                for (var h = 0; h < hours; h++) signal[h] = (PoolAt(h) - NetDemandAt(h)) * slot.SignalShare;
                break;
            default:
                return [];
        }
        return signal;
    }

    public void Add(int asset, AssetOutput output)
    {
        var slot = layout.Assets[asset];
        if (output.Heat.Length > 0) Accumulate(heatPool, output.Heat);
        if (slot.Role != AssetRole.Chp && output.Electricity.Length > 0)
        {
            if (slot.Enterprise >= 0) Accumulate(onsite[slot.Enterprise] ??= new double[hours], output.Electricity);
            else Accumulate(pool, output.Electricity);
        }
    }

    public EnterpriseSupply SupplyFor(int enterprise)
    {
        Allocate();
        var own = onsite[enterprise];
        var net = anyElectricity ? new double[hours] : [];
        for (var h = 0; h < net.Length; h++) net[h] = Math.Max(0, electricityDemand[enterprise][h] - (own?[h] ?? 0)) * share![h];
        var heat = anyHeat && heatDemand[enterprise].Length > 0 ? new double[hours] : [];
        for (var h = 0; h < heat.Length; h++) heat[h] = heatDemand[enterprise][h] * heatShare![h];
        return new EnterpriseSupply(own ?? [], net, heat);
    }

    /// <summary>Green electricity left over after every enterprise and the storage had theirs, exported to the grid (exact sum of the tick's hours).</summary>
    public double Exported()
    {
        Allocate();
        return export!.Sum();
    }

    /// <summary>
    /// The park's month-to-date row: its enterprises' and assets' month-to-date rows (in index order) and its exports.
    /// Energy counts what crosses the park boundary: heat raised inside and CHP power sent out are not counted twice.
    /// Fuel-burning assets' fuel and Scope 1 are the park's own (shared facilities).
    /// </summary>
    public static double[] MonthRow(ParkLayout layout, IReadOnlyList<double[]> enterpriseRows, IReadOnlyList<double[]> assetRows,
        double greenExported, RunFactors factors)
    {
        var row = new double[Metric.Count];
        foreach (var part in enterpriseRows.Concat(assetRows))
            for (var i = 0; i < Metric.Count; i++) row[i] += part[i];
        var chpPower = 0.0;
        for (var a = 0; a < assetRows.Count; a++)
            if (layout.Assets[a].Role == AssetRole.Chp) chpPower += assetRows[a][Metric.GenerationGas];
        row[Metric.ElectricityExported] = greenExported + chpPower;
        row[Metric.EnergyTce] -= row[Metric.HeatPark] * factors.HeatTcePerGJ + chpPower * factors.ElectricityTcePerMWh;
        return row;
    }

    void Allocate()
    {
        if (share is not null) return;
        share = new double[hours];
        heatShare = new double[hours];
        export = new double[hours];
        for (var h = 0; h < hours; h++)
        {
            var supply = PoolAt(h);
            var need = NetDemandAt(h);
            share[h] = need > 0 ? Math.Min(1, supply / need) : 0;
            export[h] = Quantum.Round(supply - need * share[h]);
            var heatNeed = TotalAt(heatDemand, h);
            heatShare[h] = heatNeed > 0 ? Math.Min(1, heatPool[h] / heatNeed) : 0;
            anyElectricity |= share[h] > 0;
            anyHeat |= heatShare[h] > 0;
        }
    }

    /// <summary>Shared generation (after shared storage) plus every enterprise's on-site surplus.</summary>
    double PoolAt(int h)
    {
        var supply = pool[h];
        for (var e = 0; e < onsite.Length; e++)
            if (onsite[e] is { } own) supply += Math.Max(0, own[h] - electricityDemand[e][h]);
        return supply;
    }

    double NetDemandAt(int h)
    {
        var need = 0.0;
        for (var e = 0; e < electricityDemand.Length; e++) need += Math.Max(0, electricityDemand[e][h] - (onsite[e]?[h] ?? 0));
        return need;
    }

    static double TotalAt(double[][] vectors, int h)
    {
        var total = 0.0;
        foreach (var v in vectors)
            if (v.Length > 0) total += v[h];
        return total;
    }

    static void Accumulate(double[] target, double[] values)
    {
        for (var h = 0; h < target.Length; h++) target[h] += values[h];
    }
}
