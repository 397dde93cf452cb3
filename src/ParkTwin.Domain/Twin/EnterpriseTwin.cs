using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Randomness;
using ParkTwin.Domain.Time;

namespace ParkTwin.Domain.Twin;

/// <summary>
/// The hourly physics and books of one enterprise. <see cref="Plan"/> computes the output and demand of a tick
/// (known at its start); <see cref="Settle"/> takes the on-site and park supply the park allocated, buys the
/// rest from the grid and books the tick. The grain and the flat kernel both run exactly this code.
/// </summary>
public sealed class EnterpriseTwin
{
    readonly EnterpriseIntensity intensity;
    readonly RunFactors factors;
    readonly double[] industryShape;
    readonly double outputPerHour;
    readonly ulong hourKey;
    readonly ulong dayKey;
    readonly double dailySigma;
    readonly double hourlySigma;
    readonly YearCalendar calendar;
    readonly EnterpriseMeasures measures;
    double[] plannedOutput = [];
    double[] plannedElectricity = [];
    double[] plannedHeat = [];
    int plannedTick = -1;
    double[] lastRow = new double[Metric.Count];
    readonly double[] drivers = new double[12 * Driver.Count];
    /// <summary>Per month, this enterprise's share of the green generation sold in the green-power market.</summary>
    readonly double[] greenShareByMonth = new double[12];
    readonly bool retireCertificates;
    /// <summary>Bit m set once month m has been booked; and the month of the last settled tick (−1: none).</summary>
    int bookedMonths;
    int lastMonth = -1;

    public EnterpriseTwin(EnterpriseSpec spec, EnterpriseIntensity intensity, RunFactors factors, double[] industryShape,
        YearCalendar calendar, ulong seed, double dailySigma, double hourlySigma, bool retireGreenCertificates = true)
    {
        Spec = spec;
        measures = spec.Measures ?? EnterpriseMeasures.None;
        this.intensity = intensity;
        this.factors = factors;
        this.industryShape = industryShape;
        this.calendar = calendar;
        outputPerHour = spec.AnnualOutput / calendar.Hours;
        hourKey = Noise.Key(seed, spec.Id);
        dayKey = Noise.Mix(hourKey ^ 0x5DEECE66DUL);
        this.dailySigma = dailySigma;
        retireCertificates = retireGreenCertificates;
        this.hourlySigma = hourlySigma;
    }

    public EnterpriseSpec Spec { get; }
    public MonthlyLedger Ledger { get; } = new();
    public int LastSettledTick { get; private set; } = -1;

    /// <summary>Scope 1, Scope 2 (market-based) and grid electricity of each hour of the last settled tick.</summary>
    public HourlySeries LastTickHourly { get; private set; } = HourlySeries.Empty;

    public ReadOnlySpan<double> PlannedElectricity => plannedElectricity;
    public ReadOnlySpan<double> PlannedHeat => plannedHeat;
    public int PlannedTick => plannedTick;

    /// <summary>Output and demand of each hour of the tick: the industry's shape × the enterprise's own day and hour noise.</summary>
    public void Plan(TickWindow window)
    {
        // Fresh demand arrays every tick: a plan handed out (to a park, over the wire) is never overwritten.
        if (plannedOutput.Length != window.Hours) plannedOutput = new double[window.Hours];
        plannedElectricity = new double[window.Hours];
        // Most industries buy no heat: an empty plan means zero every hour.
        plannedHeat = intensity.HeatGJ > 0 ? new double[window.Hours] : [];
        // A tick lies within one month: the month's quota and intensity factors hold for all its hours.
        var month = calendar.MonthOf(window.StartHour);
        var quota = outputPerHour * EnterpriseMeasures.At(measures.Output, month);
        var electricityPerOutput = measures.ElectricityPerOutput(intensity, month);
        var heatPerOutput = measures.HeatPerOutput(intensity, month);
        var cuts = measures.Cuts.Length > 0;
        for (var i = 0; i < window.Hours; i++)
        {
            var h = window.StartHour + i;
            var noise = 1 + dailySigma * Noise.Normal(dayKey, YearCalendar.DayOf(h)) + hourlySigma * Noise.Normal(hourKey, h);
            var output = quota * industryShape[h] * Math.Max(0, noise);
            if (cuts) output *= measures.OutputLeft(h);
            plannedOutput[i] = output;
            plannedElectricity[i] = output * electricityPerOutput;
            if (plannedHeat.Length > 0) plannedHeat[i] = output * heatPerOutput;
        }
        plannedTick = window.Tick;
    }

    /// <summary>Awards the enterprise a share of the month's sold green generation (the green-power market's result).</summary>
    public void AwardGreenPower(int month, double share)
    {
        if (!double.IsFinite(share) || share < 0 || share > 1) throw new ArgumentOutOfRangeException(nameof(share), share, "a share lies between 0 and 1");
        greenShareByMonth[month] = share;
    }

    public double GreenShare(int month) => greenShareByMonth[month];

    public EnterprisePlan PlanFor(TickWindow window)
    {
        if (plannedTick != window.Tick) Plan(window);
        return new EnterprisePlan(plannedElectricity, plannedHeat);
    }

    /// <summary>Settles a tick with the park's supply and plans the next one, as one call.</summary>
    public EnterpriseResult Step(TickWindow window, EnterpriseSupply supply, TickWindow? next)
    {
        var row = Settle(window, supply.Onsite, supply.ParkElectricity, supply.ParkHeat, supply.GreenPool ?? [], supply.GreenBilateral ?? []);
        return new EnterpriseResult(row, next is { } n ? PlanFor(n) : null);
    }

    /// <summary>
    /// Books the tick and returns the month-to-date row of the tick's month. On-site electricity is used first, then
    /// park electricity, then the grid; park heat before purchased heat. Empty spans mean no supply. Hourly values
    /// are summed exactly (<see cref="Quantum"/>), and every booked metric follows from those sums, so the books do
    /// not depend on the tick length. Settling the same tick again returns the same row and books nothing.
    /// </summary>
    public double[] Settle(TickWindow window, ReadOnlySpan<double> onsite, ReadOnlySpan<double> parkElectricity, ReadOnlySpan<double> parkHeat,
        ReadOnlySpan<double> greenPool = default, ReadOnlySpan<double> bilateral = default)
    {
        if (window.Tick == LastSettledTick) return lastRow;
        if (window.Tick < LastSettledTick) throw new InvalidOperationException($"{Spec.Id} already settled tick {LastSettledTick}; tick {window.Tick} comes too late");
        if (plannedTick != window.Tick) Plan(window);

        var month = calendar.MonthOf(window.StartHour);
        var d = drivers.AsSpan(month * Driver.Count, Driver.Count);
        // The current period's hourly series are rewritten in place; queries copy them.
        var hourly = LastTickHourly.Scope1.Length == window.Hours ? LastTickHourly : new HourlySeries(window.Hours);
        var directPerOutput = measures.Scope1PerOutput(intensity, month);
        var greenShare = greenPool.IsEmpty ? 0 : greenShareByMonth[month];
        for (var i = 0; i < window.Hours; i++)
        {
            var output = Quantum.Round(plannedOutput[i]);
            var need = Quantum.Round(plannedElectricity[i]);
            var own = onsite.IsEmpty ? 0 : Math.Min(Quantum.Round(onsite[i]), need);
            var park = parkElectricity.IsEmpty ? 0 : Math.Min(Quantum.Round(parkElectricity[i]), need - own);
            // A green-power contract delivers this enterprise's share of the sold green generation of the hour,
            // up to what it would otherwise buy from the grid; the rest of the contract is a shortfall.
            // Bilateral contracts add this enterprise's as-produced share of its plants' generation.
            var contracted = (greenShare > 0 ? Quantum.Round(greenShare * greenPool[i]) : 0) + (bilateral.IsEmpty ? 0 : Quantum.Round(bilateral[i]));
            var green = Math.Min(contracted, need - own - park);
            var grid = need - own - park - green;
            var heatNeed = plannedHeat.Length == 0 ? 0 : Quantum.Round(plannedHeat[i]);
            var heatIn = parkHeat.IsEmpty ? 0 : Math.Min(Quantum.Round(parkHeat[i]), heatNeed);
            d[Driver.Output] += output;
            d[Driver.Demand] += need;
            d[Driver.Onsite] += own;
            d[Driver.Park] += park;
            d[Driver.Grid] += grid;
            d[Driver.Green] += green;
            d[Driver.Contracted] += contracted;
            d[Driver.HeatDemand] += heatNeed;
            d[Driver.HeatPark] += heatIn;
            hourly.Scope1[i] = output * directPerOutput;
            hourly.Scope2Market[i] = (retireCertificates ? grid : grid + green) * factors.ResidualFactor + (heatNeed - heatIn) * factors.HeatCo2PerGJ;
            hourly.GridElectricity[i] = grid;
        }
        // Certificates come bundled with green power; where they are retired for claims, they back Scope 2 market-based.
        d[Driver.Retired] = retireCertificates ? d[Driver.Green] : 0;
        var row = MonthRow(d, month);
        Ledger.Set(month, row);
        LastSettledTick = window.Tick;
        LastTickHourly = hourly;
        lastRow = row;
        bookedMonths |= 1 << month;
        lastMonth = month;
        return row;
    }

    /// <summary>Every metric of a month from its exact sums of hourly output, electricity and heat, and the month's abatement.</summary>
    double[] MonthRow(ReadOnlySpan<double> d, int month)
    {
        var row = new double[Metric.Count];
        var output = d[Driver.Output];
        var heatPurchased = d[Driver.HeatDemand] - d[Driver.HeatPark];
        row[Metric.ElectricityDemand] = d[Driver.Demand];
        row[Metric.ElectricityGrid] = d[Driver.Grid];
        row[Metric.ElectricityPark] = d[Driver.Park];
        row[Metric.ElectricityOnsite] = d[Driver.Onsite];
        row[Metric.HeatDemand] = d[Driver.HeatDemand];
        row[Metric.HeatPark] = d[Driver.HeatPark];
        row[Metric.HeatPurchased] = heatPurchased;
        row[Metric.Output] = output;
        row[Metric.OutputValue] = output * intensity.Value10kCny;
        var fuel = EnterpriseMeasures.At(measures.Fuel, month);
        var kept = 1 - EnterpriseMeasures.At(measures.Captured, month, 0);
        var generated = output * (intensity.Scope1Combustion * fuel + intensity.Scope1Process * EnterpriseMeasures.At(measures.Process, month));
        row[Metric.EnergyTce] = output * intensity.FuelTce * fuel + d[Driver.Demand] * factors.ElectricityTcePerMWh + d[Driver.HeatDemand] * factors.HeatTcePerGJ;
        row[Metric.CleanEnergyTce] = (d[Driver.Onsite] + d[Driver.Park] + d[Driver.Green]) * factors.ElectricityTcePerMWh;
        row[Metric.ElectricityGreen] = d[Driver.Green];
        row[Metric.GreenContracted] = d[Driver.Contracted];
        row[Metric.CertificatesRetired] = d[Driver.Retired];
        row[Metric.Scope1Combustion] = output * intensity.Scope1Combustion * fuel * kept;
        row[Metric.Scope1Process] = output * intensity.Scope1Process * EnterpriseMeasures.At(measures.Process, month) * kept;
        row[Metric.Co2Captured] = generated * (1 - kept);
        // In-park electricity and heat are not purchased: only grid and green-contract electricity and outside heat
        // carry Scope 2; market-based, certificates retired take their MWh out (DOMAIN.md §2).
        var purchased = d[Driver.Grid] + d[Driver.Green];
        row[Metric.Scope2Location] = purchased * factors.GridFactor + heatPurchased * factors.HeatCo2PerGJ;
        row[Metric.Scope2Market] = Math.Max(0, purchased - d[Driver.Retired]) * factors.ResidualFactor + heatPurchased * factors.HeatCo2PerGJ;
        for (var c = 0; c < 6; c++)
        {
            row[Metric.Scope1ByCarrier + c] = output * intensity.Scope1ByCarrier[c] * fuel * kept;
            row[Metric.FuelByCarrier + c] = output * intensity.FuelGJByCarrier[c] * fuel;
        }
        return row;
    }

    /// <summary>
    /// Everything needed to continue after the last settled tick (see <see cref="EnterpriseSnapshot"/>): the driver
    /// sums only. The ledger and the last row are <see cref="MonthRow"/> of those sums, and are recomputed on restore.
    /// </summary>
    public EnterpriseSnapshot Snapshot() =>
        new(LastSettledTick, MonthSums.Trimmed(drivers, Driver.Count, bookedMonths), bookedMonths, lastMonth,
            Array.Exists(greenShareByMonth, s => s != 0) ? (double[])greenShareByMonth.Clone() : null);

    /// <summary>
    /// Puts the twin back where the snapshot was taken: the sums, then each booked month's row recomputed from them
    /// by the code that booked it (so bit for bit the same); the next tick's plan is recomputed when asked for.
    /// </summary>
    public void Restore(EnterpriseSnapshot snapshot)
    {
        MonthSums.Restore(drivers, Driver.Count, snapshot.Drivers);
        Array.Clear(greenShareByMonth);
        snapshot.GreenShares?.CopyTo(greenShareByMonth, 0);
        bookedMonths = snapshot.BookedMonths;
        lastMonth = snapshot.LastMonth;
        Array.Clear(Ledger.Values);
        for (var m = 0; m < 12; m++)
            if ((bookedMonths & (1 << m)) != 0) Ledger.Set(m, MonthRow(drivers.AsSpan(m * Driver.Count, Driver.Count), m));
        lastRow = lastMonth >= 0 ? MonthRow(drivers.AsSpan(lastMonth * Driver.Count, Driver.Count), lastMonth) : new double[Metric.Count];
        LastSettledTick = snapshot.Tick;
        LastTickHourly = HourlySeries.Empty;
        plannedTick = -1;
        plannedOutput = plannedElectricity = plannedHeat = [];
    }

    /// <summary>The hourly quantities summed per month; everything booked is derived from them.</summary>
    static class Driver
    {
        public const int Output = 0, Demand = 1, Onsite = 2, Park = 3, Grid = 4, HeatDemand = 5, HeatPark = 6, Green = 7, Contracted = 8, Retired = 9, Count = 10;
    }


}
