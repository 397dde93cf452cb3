using ParkTwin.Domain.Accounting;
using ParkTwin.Domain.Data;

namespace ParkTwin.Domain.Tests.Accounting;

public sealed class ParkIndicatorsTests
{
    static readonly IndicatorTable T = IndicatorTable.Default;

    static Indicator Find(IReadOnlyList<Indicator> list, string name) => list.Single(i => i.Name == name);

    [Theory]
    [InlineData(5_000_000, 0.30)]
    [InlineData(1_000_000, 0.30)] // ≥ 1 Mtce
    [InlineData(999_999, 0.20)]
    [InlineData(200_000, 0.20)] // 200 k – 1 M tce
    [InlineData(199_999, 0.20)] // provincial band for smaller parks (configurable default)
    [InlineData(0, 0.20)]
    public void Core_threshold_follows_the_park_energy_band(double energyTce, double expected) =>
        Assert.Equal(expected, T.CoreThreshold(energyTce));

    [Fact]
    public void Small_park_band_is_configurable()
    {
        var table = IndicatorTable.Parse(DataFiles.ReadText("indicators.yaml").Replace("minTce: 0\n      threshold: 0.20", "minTce: 0\n      threshold: 0.25"));
        Assert.Equal(0.25, table.CoreThreshold(150_000));
        Assert.Equal(0.20, table.CoreThreshold(250_000));
        Assert.Equal(0.30, table.CoreThreshold(1_500_000));
    }

    [Fact]
    public void Core_passes_at_or_below_the_threshold_and_fails_above()
    {
        // 20 tCO2 / 100 tce = 0.20 ≤ 0.20 → pass; 21 / 100 = 0.21 → fail.
        var at = new CarbonAccount { Scope1Combustion = 20, EnergyTce = 100 };
        var above = new CarbonAccount { Scope1Combustion = 15, Scope2Market = 6, Scope2Location = 0, EnergyTce = 100 };
        Assert.Equal(IndicatorStatus.Pass, Find(ParkIndicators.Evaluate(at, null, T), IndicatorNames.CarbonPerEnergy).Status);
        var failed = Find(ParkIndicators.Evaluate(above, null, T), IndicatorNames.CarbonPerEnergy);
        Assert.Equal(IndicatorStatus.Fail, failed.Status);
        Approx.Equal(0.21, failed.Value);
        Assert.Equal(0.20, failed.Threshold);
    }

    [Fact]
    public void Core_uses_the_large_park_threshold_above_one_million_tce()
    {
        // 280 000 tCO2 / 1 000 000 tce = 0.28: passes the ≥ 1 Mtce band (0.30), would fail 0.20.
        var park = new CarbonAccount { Scope1Combustion = 280_000, EnergyTce = 1_000_000 };
        var core = Find(ParkIndicators.Evaluate(park, null, T), IndicatorNames.CarbonPerEnergy);
        Assert.Equal(0.30, core.Threshold);
        Assert.Equal(IndicatorStatus.Pass, core.Status);
    }

    [Fact]
    public void Core_counts_market_based_scope2_not_location_based()
    {
        // location 50 would fail (0.5), market 10 passes: 10 / 100 = 0.10.
        var account = new CarbonAccount { Scope2Location = 50, Scope2Market = 10, EnergyTce = 100 };
        Approx.Equal(0.10, Find(ParkIndicators.Evaluate(account, null, T), IndicatorNames.CarbonPerEnergy).Value);
    }

    [Fact]
    public void Without_energy_use_core_and_clean_share_have_no_data_and_do_not_pass()
    {
        var list = ParkIndicators.Evaluate(CarbonAccount.Zero, null, T);
        Assert.All(list, i => Assert.Equal(IndicatorStatus.NoData, i.Status));
        Assert.All(list, i => Assert.Null(i.Value));
        Assert.All(list, i => Assert.False(i.Passed));
    }

    [Fact]
    public void Clean_energy_share_passes_from_ninety_percent()
    {
        var pass = new CarbonAccount { EnergyTce = 100, CleanEnergyTce = 90 };
        var fail = new CarbonAccount { EnergyTce = 100, CleanEnergyTce = 89.9 };
        Assert.Equal(IndicatorStatus.Pass, Find(ParkIndicators.Evaluate(pass, null, T), IndicatorNames.CleanEnergyShare).Status);
        Assert.Equal(IndicatorStatus.Fail, Find(ParkIndicators.Evaluate(fail, null, T), IndicatorNames.CleanEnergyShare).Status);
    }

    [Theory]
    [InlineData(IndicatorNames.SolidWasteUtilisation, 0.80, 0.79)]
    [InlineData(IndicatorNames.WasteHeatUtilisation, 0.50, 0.49)]
    [InlineData(IndicatorNames.WaterReuse, 0.80, 0.79)]
    public void Guiding_indicators_pass_at_threshold_fail_below_and_have_no_data_when_missing(string name, double passing, double failing)
    {
        IndicatorData With(double v) => name switch
        {
            IndicatorNames.SolidWasteUtilisation => new IndicatorData(SolidWasteUtilisation: v),
            IndicatorNames.WasteHeatUtilisation => new IndicatorData(WasteHeatUtilisation: v),
            _ => new IndicatorData(WaterReuse: v),
        };
        var account = new CarbonAccount { EnergyTce = 1 };
        Assert.Equal(IndicatorStatus.Pass, Find(ParkIndicators.Evaluate(account, With(passing), T), name).Status);
        Assert.Equal(IndicatorStatus.Fail, Find(ParkIndicators.Evaluate(account, With(failing), T), name).Status);
        var missing = Find(ParkIndicators.Evaluate(account, new IndicatorData(), T), name);
        Assert.Equal(IndicatorStatus.NoData, missing.Status);
        Assert.Null(missing.Value);
        Assert.Equal(passing, missing.Threshold);
    }

    [Fact]
    public void An_enterprise_is_held_to_the_threshold_it_is_given()
    {
        var account = new CarbonAccount { Scope1Combustion = 25, EnergyTce = 100 };
        Assert.Equal(IndicatorStatus.Pass, Find(ParkIndicators.Evaluate(account, null, T, 0.30), IndicatorNames.CarbonPerEnergy).Status);
        Assert.Equal(IndicatorStatus.Fail, Find(ParkIndicators.Evaluate(account, null, T, 0.20), IndicatorNames.CarbonPerEnergy).Status);
    }
}
