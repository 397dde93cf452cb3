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
    /// <summary>Hours of the year [from, until) the asset is in service (commissioned during the year, or retired by a phase-out).</summary>
    readonly int serviceFrom;
    readonly int serviceUntil;
    AssetOutput last = new([], [], new double[Metric.Count]);
    /// <summary>Per month, exact sums of hourly electricity generated, heat raised, MWh charged and MWh discharged.</summary>
    readonly double[] sums = new double[12 * 4];
    const int Generated = 0, HeatRaised = 1, Charged = 2, Discharged = 3;
    /// <summary>Bit m set once month m has been booked; the month of the last tick (−1: none).</summary>
    int bookedMonths;
    int lastMonth = -1;
    /// <summary>False after a restore: the hourly output of the restored tick is not kept, so that tick cannot be answered again.</summary>
    bool lastOutputKept = true;

    public AssetTwin(AssetSpec spec, GenerationProfile profile, AssetParameters parameters, RunFactors factors, double[] hydroAvailability, ulong seed)
    {
        Spec = spec;
        this.profile = profile;
        this.parameters = parameters;
        this.factors = factors;
        this.hydroAvailability = hydroAvailability;
        key = Noise.Key(seed, spec.Id);
        var calendar = profile.Calendar;
        serviceFrom = spec.InService is { } start ? calendar.HourOf(start) : 0;
        serviceUntil = spec.Retired is { } end ? calendar.HourOf(end) : calendar.Hours;
        if (spec.Kind == AssetKind.Storage)
            storage = new StorageDispatch(spec.CapacityMW, spec.EnergyMWh, parameters.Storage.RoundTripEfficiency,
                spec.EnergyMWh * parameters.Storage.InitialStateOfCharge);
    }

    public AssetSpec Spec { get; }
    public MonthlyLedger Ledger { get; } = new();
    public int LastSteppedTick { get; private set; } = -1;
    public double StateOfChargeMWh => storage?.StateOfChargeMWh ?? 0;

    /// <summary>True for assets that need a signal: boilers (heat demand) and storage (electricity balance).</summary>
    public static bool IsDispatched(AssetKind kind) => kind is AssetKind.CoalBoiler or AssetKind.Storage;

    /// <param name="signal">Heat demand (GJ) for a boiler; balance (MWh, + surplus) for storage; ignored otherwise.</param>
    /// <returns>The hourly flows of the tick, and the month-to-date row of the tick's month.</returns>
    public AssetOutput Step(TickWindow window, ReadOnlySpan<double> signal)
    {
        if (window.Tick == LastSteppedTick)
            return lastOutputKept ? last : throw new InvalidOperationException(
                $"{Spec.Id} was restored after tick {LastSteppedTick}; its hourly output of that tick is not kept, it steps on from the next tick");
        if (window.Tick < LastSteppedTick) throw new InvalidOperationException($"{Spec.Id} already stepped tick {LastSteppedTick}; tick {window.Tick} comes too late");
        var partial = window.StartHour < serviceFrom || window.EndHour > serviceUntil;
        // Out of service, a battery is given no balance to follow: it neither charges nor discharges.
        if (partial && Spec.Kind == AssetKind.Storage) signal = InServiceOnly(window, signal);
        var (electricity, heat) = Spec.Kind switch
        {
            AssetKind.Storage => (storage!.Follow(signal.IsEmpty ? new double[window.Hours] : signal), []),
            AssetKind.CoalBoiler => ([], Boil(window, signal)),
            AssetKind.GasChp => Cogenerate(window),
            _ => (Generate(window), Array.Empty<double>()),
        };
        if (partial)
        {
            electricity = InServiceOnly(window, electricity);
            heat = InServiceOnly(window, heat);
        }
        var month = profile.Calendar.MonthOf(window.StartHour);
        var sum = sums.AsSpan(month * 4, 4);
        for (var i = 0; i < electricity.Length; i++)
        {
            electricity[i] = Quantum.Round(electricity[i]);
            if (Spec.Kind != AssetKind.Storage) sum[Generated] += electricity[i];
            else if (electricity[i] > 0) sum[Discharged] += electricity[i];
            else sum[Charged] -= electricity[i];
        }
        for (var i = 0; i < heat.Length; i++) sum[HeatRaised] += heat[i] = Quantum.Round(heat[i]);
        var row = MonthRow(sum);
        Ledger.Set(month, row);
        LastSteppedTick = window.Tick;
        last = new AssetOutput(electricity, heat, row);
        lastOutputKept = true;
        bookedMonths |= 1 << month;
        lastMonth = month;
        return last;
    }

    /// <summary>
    /// Everything needed to continue after the last stepped tick (see <see cref="AssetSnapshot"/>): the sums and the
    /// state of charge. The ledger and the last row are <see cref="MonthRow"/> of the sums, recomputed on restore.
    /// </summary>
    public AssetSnapshot Snapshot() => new(LastSteppedTick, MonthSums.Trimmed(sums, 4, bookedMonths), bookedMonths, lastMonth, StateOfChargeMWh);

    public void Restore(AssetSnapshot snapshot)
    {
        MonthSums.Restore(sums, 4, snapshot.Sums);
        bookedMonths = snapshot.BookedMonths;
        lastMonth = snapshot.LastMonth;
        Array.Clear(Ledger.Values);
        for (var m = 0; m < 12; m++)
            if ((bookedMonths & (1 << m)) != 0) Ledger.Set(m, MonthRow(sums.AsSpan(m * 4, 4)));
        storage?.Restore(snapshot.StateOfChargeMWh);
        last = new AssetOutput([], [], lastMonth >= 0 ? MonthRow(sums.AsSpan(lastMonth * 4, 4)) : new double[Metric.Count]);
        lastOutputKept = snapshot.Tick < 0;
        LastSteppedTick = snapshot.Tick;
    }

    /// <summary>The hourly values with the hours outside the asset's service set to zero (empty stays empty).</summary>
    double[] InServiceOnly(TickWindow window, ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return [];
        var kept = values.ToArray();
        for (var i = 0; i < kept.Length; i++)
            if (window.StartHour + i < serviceFrom || window.StartHour + i >= serviceUntil) kept[i] = 0;
        return kept;
    }

    double[] Generate(TickWindow window)
    {
        var electricity = new double[window.Hours];
        profile.Fill(Spec.Kind, key, window, hydroAvailability, electricity);
        for (var i = 0; i < electricity.Length; i++) electricity[i] *= Spec.CapacityMW;
        return electricity;
    }

    /// <summary>Gas CHP runs flat at its capacity factor; its heat feeds the park, its power goes to the grid.</summary>
    (double[], double[]) Cogenerate(TickWindow window)
    {
        var chp = parameters.GasChp;
        var electricity = new double[window.Hours];
        var heat = new double[window.Hours];
        Array.Fill(electricity, Spec.CapacityMW * chp.CapacityFactor);
        Array.Fill(heat, Spec.CapacityMW * chp.CapacityFactor * GJPerMWh * chp.HeatToPower);
        return (electricity, heat);
    }

    /// <summary>A boiler raises the heat asked of it, up to its thermal capacity.</summary>
    double[] Boil(TickWindow window, ReadOnlySpan<double> heatDemand)
    {
        var heat = new double[window.Hours];
        var limit = Spec.CapacityMW * GJPerMWh;
        for (var i = 0; i < heat.Length; i++) heat[i] = heatDemand.IsEmpty ? 0 : Math.Clamp(heatDemand[i], 0, limit);
        return heat;
    }

    /// <summary>A month's metrics from its exact sums: generation by source, heat, storage flows, and the fuel burned for them.</summary>
    double[] MonthRow(ReadOnlySpan<double> sum)
    {
        var row = new double[Metric.Count];
        var generated = sum[Generated];
        switch (Spec.Kind)
        {
            case AssetKind.Pv: row[Metric.GenerationPv] = generated; break;
            case AssetKind.Wind: row[Metric.GenerationWind] = generated; break;
            case AssetKind.HydroRunOfRiver or AssetKind.HydroReservoir: row[Metric.GenerationHydro] = generated; break;
            case AssetKind.CoalPower:
                row[Metric.GenerationCoal] = generated;
                Burn(row, FuelCarrier.RawCoal, generated * GJPerMWh / parameters.CoalPower.Efficiency);
                break;
            case AssetKind.GasPower:
                row[Metric.GenerationGas] = generated;
                Burn(row, FuelCarrier.NaturalGas, generated * GJPerMWh / parameters.GasPower.Efficiency);
                break;
            case AssetKind.GasChp:
                row[Metric.GenerationGas] = generated;
                row[Metric.HeatGenerated] = sum[HeatRaised];
                Burn(row, FuelCarrier.NaturalGas, generated * GJPerMWh / parameters.GasChp.ElectricalEfficiency);
                break;
            case AssetKind.CoalBoiler:
                row[Metric.HeatGenerated] = sum[HeatRaised];
                Burn(row, FuelCarrier.RawCoal, sum[HeatRaised] / parameters.CoalBoiler.ThermalEfficiency);
                break;
            case AssetKind.Storage:
                row[Metric.StorageCharged] = sum[Charged];
                row[Metric.StorageDischarged] = sum[Discharged];
                break;
        }
        return row;
    }

    void Burn(double[] row, FuelCarrier carrier, double fuelGJ)
    {
        var co2 = fuelGJ * factors.Co2(carrier, FuelUnit.GJ);
        row[Metric.FuelOf(carrier)] += fuelGJ;
        row[Metric.Scope1Of(carrier)] += co2;
        row[Metric.Scope1Combustion] += co2;
        row[Metric.EnergyTce] += fuelGJ * factors.Tce(carrier, FuelUnit.GJ);
    }
}
