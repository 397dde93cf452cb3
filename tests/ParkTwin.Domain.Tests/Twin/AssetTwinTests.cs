using ParkTwin.Domain.Energy;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Domain.Tests.Twin;

/// <summary>Parameters from <see cref="TwinBuilders.Assets"/> and factors from <see cref="HandFactors"/>; the tick is hours 0–2 of January.</summary>
public sealed class AssetTwinTests
{
    static readonly TickWindow Tick0 = new(0, 0, 3);

    static AssetTwin Twin(AssetSpec spec, Domain.Twin.TwinSettings? settings = null) => TwinFactory.Asset(spec, settings ?? TwinBuilders.Settings());

    [Fact]
    public void A_coal_boiler_delivers_the_heat_asked_up_to_its_capacity()
    {
        // 10 MW thermal = 36 GJ/h. Asked [50, 20, −5] → [36, 20, 0] = 56 GJ.
        var boiler = Twin(TwinBuilders.Asset("boiler", AssetKind.CoalBoiler, "p1", 10));
        var output = boiler.Step(Tick0, [50.0, 20, -5]);
        Assert.Equal([36.0, 20, 0], output.Heat);
        Assert.Empty(output.Electricity);
        Approx.Equal(56, output.Row[Metric.HeatGenerated]);
        Approx.Equal(56, boiler.Ledger[0, Metric.HeatGenerated]);
    }

    [Fact]
    public void A_coal_boiler_burns_heat_over_efficiency_and_books_coal_scope1()
    {
        // 56 GJ / 0.8 = 70 GJ coal; 70 × 0.0908886 = 6.362202 tCO2; 70 × 0.03412 = 2.3884 tce.
        var boiler = Twin(TwinBuilders.Asset("boiler", AssetKind.CoalBoiler, "p1", 10));
        boiler.Step(Tick0, [50.0, 20, -5]);
        var l = boiler.Ledger;
        Approx.Equal(70, l[0, Metric.FuelOf(FuelCarrier.RawCoal)]);
        Approx.Equal(6.362202, l[0, Metric.Scope1Of(FuelCarrier.RawCoal)]);
        Approx.Equal(6.362202, l[0, Metric.Scope1Combustion]);
        Approx.Equal(2.3884, l[0, Metric.EnergyTce]);
    }

    [Fact]
    public void A_gas_chp_runs_flat_at_its_capacity_factor_with_heat_and_gas_in_proportion()
    {
        // 10 MW × 0.5 = 5 MWh each hour → 15 MWh; heat 5 × 3.6 × 1.25 = 22.5 GJ/h → 67.5 GJ;
        // gas 15 × 3.6 / 0.4 = 135 GJ → 135 × 0.055539 = 7.497765 tCO2, 135 × 0.03412 = 4.6062 tce.
        var chp = Twin(TwinBuilders.Asset("chp", AssetKind.GasChp, "p1", 10));
        var output = chp.Step(Tick0, []);
        Assert.All(output.Electricity, e => Approx.Equal(5, e));
        Assert.All(output.Heat, q => Approx.Equal(22.5, q));
        var l = chp.Ledger;
        Approx.Equal(15, l[0, Metric.GenerationGas]);
        Approx.Equal(67.5, l[0, Metric.HeatGenerated]);
        Approx.Equal(135, l[0, Metric.FuelOf(FuelCarrier.NaturalGas)]);
        Approx.Equal(7.497765, l[0, Metric.Scope1Combustion]);
        Approx.Equal(4.6062, l[0, Metric.EnergyTce]);
    }

    [Fact]
    public void Pv_is_zero_at_night_and_never_above_capacity()
    {
        // At 30.5° N the sun is below the horizon before 06:00 all year: at 05:30 with noon at 13.1 h the hour angle is
        // −114°, cos = −0.407; sin φ sin δ ≤ 0.507 × 0.398 = 0.202 < cos φ cos δ × 0.407 ≥ 0.862 × 0.917 × 0.407 = 0.322.
        // A monthly capacity factor of 0.5 scales clear-sky noon well above 1, so the clamp is exercised.
        var settings = TwinBuilders.Settings(climate: TwinBuilders.Climate(pv: 0.5));
        var pv = Twin(TwinBuilders.Asset("pv", AssetKind.Pv, "p1", 2), settings);
        var calendar = TwinFactory.Calendar(2023);
        var total = 0.0;
        var atCapacity = 0;
        foreach (var tick in calendar.Ticks(TickLength.Day))
        {
            var e = pv.Step(tick, []).Electricity;
            for (var i = 0; i < e.Length; i++)
            {
                if (YearCalendar.HourOfDay(tick.StartHour + i) <= 5) Assert.Equal(0, e[i]);
                Assert.InRange(e[i], 0, 2);
                if (e[i] == 2) atCapacity++;
                total += e[i];
            }
        }
        Assert.True(atCapacity > 0, "the clamp at capacity was never reached; the test lost its point");
        Approx.Equal(total, pv.Ledger.YearToDate(Metric.GenerationPv));
    }

    [Fact]
    public void A_reservoir_at_half_hydro_availability_in_august_produces_half()
    {
        // August 2023 = hours 5088 .. 5088 + 744. Same id and seed → same noise; the availability multiplies the capacity
        // factor (0.6 × 0.5 = 0.3, far from the clamp), so every hour is exactly half.
        var august = new TickWindow(0, 5088, 744);
        var spec = TwinBuilders.Asset("hydro-res", AssetKind.HydroReservoir, "p1", 100);
        var normal = Twin(spec, TwinBuilders.Settings());
        var dry = Twin(spec, TwinBuilders.Settings(hydroAvailability: Enumerable.Range(0, 12).Select(m => m == 7 ? 0.5 : 1.0).ToArray()));
        var full = normal.Step(august, []);
        var half = dry.Step(august, []);
        // Hourly values are rounded to multiples of 2^-16 MWh (Quantum), so "half" holds to within one quantum an hour.
        for (var i = 0; i < 744; i++) Assert.Equal(full.Electricity[i] * 0.5, half.Electricity[i], 1.0 / 65536);
        Assert.Equal(0.5 * normal.Ledger[7, Metric.GenerationHydro], dry.Ledger[7, Metric.GenerationHydro], 744.0 / 65536);
        // Sanity: about 100 MW × 0.6 × 744 h = 44,640 MWh (daily noise σ 0.03 moves it by well under 5 %).
        Approx.Equal(44_640, normal.Ledger[7, Metric.GenerationHydro], 0.05);
    }

    [Fact]
    public void Storage_follows_its_signal_and_books_charge_and_discharge()
    {
        // 2 MW / 10 MWh, starts at 0.5 × 10 = 5 MWh, η 0.81 (legs 0.9).
        // +5 → draws 2 (power), SoC 6.8; −3 → delivers 2 (power), SoC 6.8 − 2/0.9 = 4.5777…
        var battery = Twin(TwinBuilders.Asset("bat", AssetKind.Storage, "p1", 2, energyMWh: 10));
        Approx.Equal(5, battery.StateOfChargeMWh);
        var output = battery.Step(new TickWindow(0, 0, 2), [5.0, -3]);
        Assert.Equal(-2, output.Electricity[0], 12);
        Assert.Equal(2, output.Electricity[1], 12);
        Approx.Equal(2, battery.Ledger[0, Metric.StorageCharged]);
        Approx.Equal(2, battery.Ledger[0, Metric.StorageDischarged]);
        Approx.Equal(6.8 - 2 / 0.9, battery.StateOfChargeMWh);
    }

    [Fact]
    public void Stepping_the_same_tick_twice_books_once_and_an_earlier_tick_throws()
    {
        var chp = Twin(TwinBuilders.Asset("chp", AssetKind.GasChp, "p1", 10));
        chp.Step(new TickWindow(1, 3, 3), []);
        chp.Step(new TickWindow(1, 3, 3), []);
        Approx.Equal(15, chp.Ledger[0, Metric.GenerationGas]);
        Assert.Throws<InvalidOperationException>(() => chp.Step(Tick0, []));
    }
}
