using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Energy;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Domain.Tests.Twin;

/// <summary>
/// A cement-like enterprise per unit of output: 1 MWh electricity, 0.1 t raw coal, 1 GJ heat, 0.5 t clinker, 0.2 × 10^4 CNY.
/// Annual output 87,600 over 8,760 h of 2023 with a flat continuous shape and no noise: 10 units every hour.
/// The tick is hours 1416–1418 (1 March 2023, 00:00–03:00): 30 units, 30 MWh, 30 GJ. Factors: <see cref="HandFactors"/>.
/// </summary>
public sealed class EnterpriseTwinTests
{
    const int March = 2;
    static readonly TickWindow Tick0 = new(0, 1416, 3);
    static readonly TickWindow Tick1 = new(1, 1419, 3);

    static readonly IndustryProfile Cement = TwinBuilders.Industry("hand_cement", electricity: 1, heat: 1,
        fuels: [new FuelIntensity(FuelCarrier.RawCoal, 0.1, FuelUnit.Tonne)],
        process: [new ProcessIntensity("clinker", 0.5)], value: 0.2);

    static EnterpriseTwin NewTwin() =>
        TwinFactory.Enterprise(TwinBuilders.Enterprise("ent-cement", 87_600, Cement.Id), Cement, TwinBuilders.Settings());

    /// <summary>On-site [4, 12, 0] MWh, park [3, 3, 3] MWh, park heat [6, 20, 0] GJ.</summary>
    static EnterpriseTwin SettledWithMixedSupply()
    {
        var twin = NewTwin();
        twin.Settle(Tick0, [4.0, 12, 0], [3.0, 3, 3], [6.0, 20, 0]);
        return twin;
    }

    [Fact]
    public void Plan_without_noise_is_annual_output_over_hours_every_hour()
    {
        var twin = NewTwin();
        twin.Plan(Tick0);
        // 87600 / 8760 = 10 units/h → 10 MWh and 10 GJ each hour.
        Assert.Equal([10.0, 10, 10], twin.PlannedElectricity.ToArray());
        Assert.Equal([10.0, 10, 10], twin.PlannedHeat.ToArray());
    }

    [Fact]
    public void Grid_electricity_is_demand_minus_onsite_then_park_supply()
    {
        // h0: own 4, park 3, grid 10 − 7 = 3; h1: own min(12, 10) = 10, park min(3, 0) = 0, grid 0;
        // h2: own 0, park 3, grid 7. Totals: demand 30, on-site 14, park 6, grid 10.
        var ledger = SettledWithMixedSupply().Ledger;
        Approx.Equal(30, ledger[March, Metric.ElectricityDemand]);
        Approx.Equal(14, ledger[March, Metric.ElectricityOnsite]);
        Approx.Equal(6, ledger[March, Metric.ElectricityPark]);
        Approx.Equal(10, ledger[March, Metric.ElectricityGrid]);
        Approx.Equal(30, ledger[March, Metric.Output]);
        Approx.Equal(6, ledger[March, Metric.OutputValue]);  // 30 × 0.2
    }

    [Fact]
    public void Park_heat_is_used_up_to_demand_and_the_rest_is_purchased()
    {
        // h0 min(6, 10) = 6; h1 min(20, 10) = 10; h2 0 → park 16 GJ, purchased 30 − 16 = 14 GJ.
        var ledger = SettledWithMixedSupply().Ledger;
        Approx.Equal(30, ledger[March, Metric.HeatDemand]);
        Approx.Equal(16, ledger[March, Metric.HeatPark]);
        Approx.Equal(14, ledger[March, Metric.HeatPurchased]);
    }

    [Fact]
    public void Scope2_location_is_grid_times_grid_factor_plus_purchased_heat_times_heat_factor()
    {
        // 10 MWh × 0.2 + 14 GJ × 0.1 = 2 + 1.4 = 3.4 tCO2.
        Approx.Equal(3.4, SettledWithMixedSupply().Ledger[March, Metric.Scope2Location]);
    }

    [Fact]
    public void Scope2_market_uses_the_residual_factor()
    {
        // 10 MWh × 0.6 + 14 GJ × 0.1 = 6 + 1.4 = 7.4 tCO2.
        Approx.Equal(7.4, SettledWithMixedSupply().Ledger[March, Metric.Scope2Market]);
    }

    [Fact]
    public void In_park_electricity_and_heat_carry_no_scope2()
    {
        var twin = NewTwin();
        twin.Settle(Tick0, [], [10.0, 10, 10], [10.0, 10, 10]);
        Assert.Equal(0, twin.Ledger[March, Metric.ElectricityGrid], 12);
        Assert.Equal(0, twin.Ledger[March, Metric.HeatPurchased], 12);
        Assert.Equal(0, twin.Ledger[March, Metric.Scope2Location], 12);
        Assert.Equal(0, twin.Ledger[March, Metric.Scope2Market], 12);
        // All 30 MWh green: clean energy 30 × 0.1229 = 3.687 tce.
        Approx.Equal(3.687, twin.Ledger[March, Metric.CleanEnergyTce]);
    }

    [Fact]
    public void Scope1_combustion_is_output_times_fuel_times_ncv_cc_of_44_12()
    {
        // 30 units × 0.1 t = 3 t coal × 20.908 GJ/t = 62.724 GJ × 26.37 tC/TJ / 1000 = 1.65403188 tC × 0.94 = 1.5547899672 tC
        // × 44/12 = 5.7008965464 tCO2.
        var ledger = SettledWithMixedSupply().Ledger;
        Approx.Equal(5.7008965464, ledger[March, Metric.Scope1Combustion]);
        Approx.Equal(5.7008965464, ledger[March, Metric.Scope1Of(FuelCarrier.RawCoal)]);
        Approx.Equal(62.724, ledger[March, Metric.FuelOf(FuelCarrier.RawCoal)]);
        Assert.Equal(0, ledger[March, Metric.Scope1Of(FuelCarrier.NaturalGas)]);
    }

    [Fact]
    public void Scope1_process_is_output_times_product_times_process_factor()
    {
        // 30 units × 0.5 t clinker × 0.52 tCO2/t = 7.8 tCO2.
        Approx.Equal(7.8, SettledWithMixedSupply().Ledger[March, Metric.Scope1Process]);
    }

    [Fact]
    public void Energy_counts_fuel_and_all_electricity_and_heat_consumed()
    {
        // coal 3 t × 0.7143 = 2.1429; electricity 30 MWh × 0.1229 = 3.687 (on-site and park included);
        // heat 30 GJ × 0.03412 = 1.0236 → 6.8535 tce.
        Approx.Equal(6.8535, SettledWithMixedSupply().Ledger[March, Metric.EnergyTce]);
    }

    [Fact]
    public void Clean_energy_is_onsite_plus_park_electricity_at_the_electricity_factor()
    {
        // (14 + 6) MWh × 0.1229 = 2.458 tce.
        Approx.Equal(2.458, SettledWithMixedSupply().Ledger[March, Metric.CleanEnergyTce]);
    }

    [Fact]
    public void The_tick_is_booked_to_its_month_only()
    {
        var ledger = SettledWithMixedSupply().Ledger;
        for (var m = 0; m < 12; m++)
            if (m != March) Assert.All(Enumerable.Range(0, Metric.Count), i => Assert.Equal(0, ledger[m, i]));
        Approx.Equal(30, ledger.YearToDate(Metric.ElectricityDemand));
    }

    [Fact]
    public void Hourly_series_of_the_last_tick_hold_scope1_scope2_market_and_grid()
    {
        var hourly = SettledWithMixedSupply().LastTickHourly;
        // Scope 1 per hour: 10 units × (0.1 × 1.9002988488 + 0.5 × 0.52) = 10 × (0.19002988488 + 0.26) = 4.5002988488.
        Assert.All(hourly.Scope1, s => Approx.Equal(4.5002988488, s));
        // Grid [3, 0, 7]; market: 3 × 0.6 + 4 × 0.1 = 2.2; 0 + 0 = 0; 7 × 0.6 + 10 × 0.1 = 5.2.
        Assert.Equal([3.0, 0, 7], hourly.GridElectricity);
        Approx.Equal(2.2, hourly.Scope2Market[0]);
        Assert.Equal(0, hourly.Scope2Market[1], 12);
        Approx.Equal(5.2, hourly.Scope2Market[2]);
    }

    [Fact]
    public void Settling_the_same_tick_twice_books_it_once()
    {
        var twin = SettledWithMixedSupply();
        var again = twin.Settle(Tick0, [], [], []);
        // The repeat returns the first row (grid 10, not 30) and books nothing more.
        Approx.Equal(10, again[Metric.ElectricityGrid]);
        Approx.Equal(10, twin.Ledger[March, Metric.ElectricityGrid]);
        Approx.Equal(30, twin.Ledger[March, Metric.ElectricityDemand]);
        Assert.Equal(0, twin.LastSettledTick);
    }

    [Fact]
    public void Settling_an_earlier_tick_after_a_later_one_throws()
    {
        var twin = NewTwin();
        twin.Settle(Tick1, [], [], []);
        Assert.Throws<InvalidOperationException>(() => twin.Settle(Tick0, [], [], []));
        Approx.Equal(30, twin.Ledger[March, Metric.ElectricityDemand]);
    }

    [Fact]
    public void Onsite_supply_above_demand_is_used_only_up_to_demand()
    {
        var twin = NewTwin();
        twin.Settle(Tick0, [50.0, 50, 50], [5.0, 5, 5], []);
        // min(50, 10) = 10 each hour → 30 on-site; nothing left for the park or the grid.
        Approx.Equal(30, twin.Ledger[March, Metric.ElectricityOnsite]);
        Assert.Equal(0, twin.Ledger[March, Metric.ElectricityPark]);
        Assert.Equal(0, twin.Ledger[March, Metric.ElectricityGrid]);
        Approx.Equal(3.687, twin.Ledger[March, Metric.CleanEnergyTce]); // 30 × 0.1229
    }

    [Fact]
    public void Two_ticks_in_the_same_month_add_up()
    {
        var twin = NewTwin();
        twin.Settle(Tick0, [], [], []);
        twin.Settle(Tick1, [], [], []);
        // 6 h × 10 MWh all from the grid: 60 MWh; Scope 2 location 60 × 0.2 + 60 GJ × 0.1 = 18.
        Approx.Equal(60, twin.Ledger[March, Metric.ElectricityGrid]);
        Approx.Equal(18, twin.Ledger[March, Metric.Scope2Location]);
    }

    [Fact]
    public void Efficiency_scales_energy_and_fuel_but_not_process_emissions()
    {
        var spec = TwinBuilders.Enterprise("ent-cement-eff", 87_600, Cement.Id) with { Efficiency = 1.5 };
        var twin = TwinFactory.Enterprise(spec, Cement, TwinBuilders.Settings());
        twin.Settle(Tick0, [], [], []);
        // Electricity 30 × 1.5 = 45 MWh; coal 3 t × 1.5 = 4.5 t × 1.9002988488 = 8.5513448196 tCO2; process 7.8 unchanged.
        Approx.Equal(45, twin.Ledger[March, Metric.ElectricityGrid]);
        Approx.Equal(8.5513448196, twin.Ledger[March, Metric.Scope1Combustion]);
        Approx.Equal(7.8, twin.Ledger[March, Metric.Scope1Process]);
    }
}
