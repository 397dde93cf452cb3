using ParkTwin.Domain.Energy;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Profiles;
using ParkTwin.Domain.Randomness;
using ParkTwin.Domain.Time;

namespace ParkTwin.Domain.Twin;

/// <summary>
/// One energy asset stepping through ticks: weather- and load-driven generators follow the generation profile;
/// a boiler follows the heat demand it is given; storage follows the balance it is given. Fuel-burning assets book
/// their fuel and Scope 1. The grain and the flat kernel both run this code.
/// </summary>
public sealed class AssetTwin
{
    const double GJPerMWh = 3.6;
    readonly GenerationProfile profile;
    readonly AssetParameters parameters;
    readonly RunFactors factors;
    readonly double[] hydroAvailability;
    readonly ulong key;
    readonly StorageDispatch? storage;
    AssetOutput last = new([], [], new double[Metric.Count]);

    public AssetTwin(AssetSpec spec, GenerationProfile profile, AssetParameters parameters, RunFactors factors, double[] hydroAvailability, ulong seed)
    {
        Spec = spec;
        this.profile = profile;
        this.parameters = parameters;
        this.factors = factors;
        this.hydroAvailability = hydroAvailability;
        key = Noise.Key(seed, spec.Id);
        if (spec.Kind == AssetKind.Storage)
            storage = new StorageDispatch(spec.CapacityMW, spec.EnergyMWh, parameters.Storage.RoundTripEfficiency,
                spec.EnergyMWh * parameters.Storage.InitialStateOfCharge);
    }

    public AssetSpec Spec { get; }
    public MonthlyLedger Ledger { get; private set; } = new();
    public int LastSteppedTick { get; private set; } = -1;
    public double StateOfChargeMWh => storage?.StateOfChargeMWh ?? 0;

    /// <summary>True for assets that need a signal: boilers (heat demand) and storage (electricity balance).</summary>
    public static bool IsDispatched(AssetKind kind) => kind is AssetKind.CoalBoiler or AssetKind.Storage;

    /// <param name="signal">Heat demand (GJ) for a boiler; balance (MWh, + surplus) for storage; ignored otherwise.</param>
    public AssetOutput Step(TickWindow window, ReadOnlySpan<double> signal)
    {
        if (window.Tick == LastSteppedTick) return last;
        if (window.Tick < LastSteppedTick) throw new InvalidOperationException($"{Spec.Id} already stepped tick {LastSteppedTick}; tick {window.Tick} comes too late");
        var output = Spec.Kind switch
        {
            AssetKind.Storage => Store(window, signal),
            AssetKind.CoalBoiler => Boil(window, signal),
            AssetKind.GasChp => Cogenerate(window),
            _ => Generate(window),
        };
        Ledger.Add(profile.Calendar.MonthOf(window.StartHour), output.Row);
        LastSteppedTick = window.Tick;
        last = output;
        return output;
    }

    AssetOutput Generate(TickWindow window)
    {
        var electricity = new double[window.Hours];
        profile.Fill(Spec.Kind, key, window, hydroAvailability, electricity);
        var total = 0.0;
        for (var i = 0; i < electricity.Length; i++) total += electricity[i] *= Spec.CapacityMW;
        var row = new double[Metric.Count];
        switch (Spec.Kind)
        {
            case AssetKind.Pv: row[Metric.GenerationPv] = total; break;
            case AssetKind.Wind: row[Metric.GenerationWind] = total; break;
            case AssetKind.HydroRunOfRiver or AssetKind.HydroReservoir: row[Metric.GenerationHydro] = total; break;
            case AssetKind.CoalPower:
                row[Metric.GenerationCoal] = total;
                Burn(row, FuelCarrier.RawCoal, total * GJPerMWh / parameters.CoalPower.Efficiency);
                break;
            case AssetKind.GasPower:
                row[Metric.GenerationGas] = total;
                Burn(row, FuelCarrier.NaturalGas, total * GJPerMWh / parameters.GasPower.Efficiency);
                break;
        }
        return new AssetOutput(electricity, [], row);
    }

    /// <summary>Gas CHP runs flat at its capacity factor; its heat feeds the park, its power goes to the grid.</summary>
    AssetOutput Cogenerate(TickWindow window)
    {
        var chp = parameters.GasChp;
        var electricity = new double[window.Hours];
        var heat = new double[window.Hours];
        Array.Fill(electricity, Spec.CapacityMW * chp.CapacityFactor);
        Array.Fill(heat, Spec.CapacityMW * chp.CapacityFactor * GJPerMWh * chp.HeatToPower);
        var power = Spec.CapacityMW * chp.CapacityFactor * window.Hours;
        var row = new double[Metric.Count];
        row[Metric.GenerationGas] = power;
        row[Metric.HeatGenerated] = heat.Sum();
        Burn(row, FuelCarrier.NaturalGas, power * GJPerMWh / chp.ElectricalEfficiency);
        return new AssetOutput(electricity, heat, row);
    }

    /// <summary>A boiler raises the heat asked of it, up to its thermal capacity.</summary>
    AssetOutput Boil(TickWindow window, ReadOnlySpan<double> heatDemand)
    {
        var heat = new double[window.Hours];
        var limit = Spec.CapacityMW * GJPerMWh;
        for (var i = 0; i < heat.Length; i++) heat[i] = heatDemand.IsEmpty ? 0 : Math.Clamp(heatDemand[i], 0, limit);
        var row = new double[Metric.Count];
        row[Metric.HeatGenerated] = heat.Sum();
        Burn(row, FuelCarrier.RawCoal, row[Metric.HeatGenerated] / parameters.CoalBoiler.ThermalEfficiency);
        return new AssetOutput([], heat, row);
    }

    AssetOutput Store(TickWindow window, ReadOnlySpan<double> balance)
    {
        var flow = balance.IsEmpty ? new double[window.Hours] : storage!.Follow(balance);
        var row = new double[Metric.Count];
        foreach (var f in flow)
        {
            if (f > 0) row[Metric.StorageDischarged] += f;
            else row[Metric.StorageCharged] -= f;
        }
        return new AssetOutput(flow, [], row);
    }

    void Burn(double[] row, FuelCarrier carrier, double fuelGJ)
    {
        var co2 = fuelGJ * factors.Co2(carrier, FuelUnit.GJ);
        row[Metric.FuelOf(carrier)] += fuelGJ;
        row[Metric.Scope1Of(carrier)] += co2;
        row[Metric.Scope1Combustion] += co2;
        row[Metric.EnergyTce] += fuelGJ * factors.Tce(carrier, FuelUnit.GJ);
    }

    /// <summary>Restores books saved earlier (persistence, checkpoints).</summary>
    public void Restore(MonthlyLedger ledger, int lastSteppedTick) => (Ledger, LastSteppedTick) = (ledger, lastSteppedTick);
}
