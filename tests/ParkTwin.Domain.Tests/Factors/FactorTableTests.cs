using ParkTwin.Domain.Data;
using ParkTwin.Domain.Energy;
using ParkTwin.Domain.Factors;

namespace ParkTwin.Domain.Tests.Factors;

public sealed class FactorTableTests
{
    static readonly FactorTable F = FactorTable.Default;

    // tCO2 per native unit = NCV × CC/1000 × OF × 44/12 (DOMAIN.md §2 table), computed by hand:
    //   raw_coal    20.908 × 0.02637 × 0.94 × 3.666667 = 1.9002988488  per t
    //   coke        28.435 × 0.02950 × 0.93 × 3.666667 = 2.860418825   per t
    //   diesel      42.652 × 0.02020 × 0.98 × 3.666667 = 3.0959096373  per t
    //   fuel_oil    41.816 × 0.02110 × 0.98 × 3.666667 = 3.1704612427  per t
    //   lpg         50.179 × 0.01720 × 0.98 × 3.666667 = 3.1013298213  per t
    //   natural_gas 389.31 × 0.01530 × 0.99 × 3.666667 = 21.62188809   per 10^4 Nm3
    [Theory]
    [InlineData(FuelCarrier.RawCoal, FuelUnit.Tonne, 1.9002988488)]
    [InlineData(FuelCarrier.Coke, FuelUnit.Tonne, 2.860418825)]
    [InlineData(FuelCarrier.Diesel, FuelUnit.Tonne, 3.0959096373)]
    [InlineData(FuelCarrier.FuelOil, FuelUnit.Tonne, 3.1704612427)]
    [InlineData(FuelCarrier.Lpg, FuelUnit.Tonne, 3.1013298213)]
    [InlineData(FuelCarrier.NaturalGas, FuelUnit.TenThousandNm3, 21.62188809)]
    public void Co2_per_native_unit_is_ncv_times_carbon_content_times_oxidation_times_44_over_12(FuelCarrier carrier, FuelUnit unit, double expected) =>
        Approx.Equal(expected, F.TonnesCo2PerUnit(carrier, unit));

    // kg = t / 1000; Nm3 = 10^4 Nm3 / 10^4.
    [Theory]
    [InlineData(FuelCarrier.RawCoal, FuelUnit.Kilogram, 0.0019002988488)]
    [InlineData(FuelCarrier.Coke, FuelUnit.Kilogram, 0.002860418825)]
    [InlineData(FuelCarrier.Diesel, FuelUnit.Kilogram, 0.0030959096373)]
    [InlineData(FuelCarrier.FuelOil, FuelUnit.Kilogram, 0.0031704612427)]
    [InlineData(FuelCarrier.Lpg, FuelUnit.Kilogram, 0.0031013298213)]
    [InlineData(FuelCarrier.NaturalGas, FuelUnit.Nm3, 0.002162188809)]
    public void Co2_per_kg_and_per_Nm3_scales_the_native_unit(FuelCarrier carrier, FuelUnit unit, double expected) =>
        Approx.Equal(expected, F.TonnesCo2PerUnit(carrier, unit));

    // A GJ quantity is already energy: CC/1000 × OF × 44/12, e.g. raw coal 0.02637 × 0.94 × 3.666667 = 0.0908886.
    [Theory]
    [InlineData(FuelCarrier.RawCoal, 0.0908886)]
    [InlineData(FuelCarrier.Coke, 0.100595)]
    [InlineData(FuelCarrier.Diesel, 0.0725853333)]
    [InlineData(FuelCarrier.FuelOil, 0.0758193333)]
    [InlineData(FuelCarrier.Lpg, 0.0618053333)]
    [InlineData(FuelCarrier.NaturalGas, 0.055539)]
    public void Co2_per_GJ_skips_the_calorific_value(FuelCarrier carrier, double expected) =>
        Approx.Equal(expected, F.TonnesCo2PerUnit(carrier, FuelUnit.GJ), 1e-9);

    // tce per t = kgce per kg (×1000 kg/t ÷ 1000 kg/tce); natural gas per 10^4 Nm3 = 1.33 × 10^4 / 1000 = 13.3.
    [Theory]
    [InlineData(FuelCarrier.RawCoal, FuelUnit.Tonne, 0.7143)]
    [InlineData(FuelCarrier.Coke, FuelUnit.Tonne, 0.9714)]
    [InlineData(FuelCarrier.Diesel, FuelUnit.Tonne, 1.4571)]
    [InlineData(FuelCarrier.FuelOil, FuelUnit.Tonne, 1.4286)]
    [InlineData(FuelCarrier.Lpg, FuelUnit.Tonne, 1.7143)]
    [InlineData(FuelCarrier.NaturalGas, FuelUnit.TenThousandNm3, 13.3)]
    [InlineData(FuelCarrier.RawCoal, FuelUnit.Kilogram, 0.0007143)]
    [InlineData(FuelCarrier.Lpg, FuelUnit.Kilogram, 0.0017143)]
    [InlineData(FuelCarrier.NaturalGas, FuelUnit.Nm3, 0.00133)]
    public void Tce_per_unit_follows_the_kgce_coefficients(FuelCarrier carrier, FuelUnit unit, double expected) =>
        Approx.Equal(expected, F.TcePerUnit(carrier, unit));

    // tce per GJ = tce per native unit ÷ NCV of the same GB/T 2589 row, e.g. raw coal 0.7143 / 20.908 = 0.0341639564,
    // natural gas 13.3 / 389.31 = 0.0341630063. All ≈ 1/29.27 (the definition of a kgce).
    [Theory]
    [InlineData(FuelCarrier.RawCoal, 0.0341639564)]
    [InlineData(FuelCarrier.Coke, 0.0341621241)]
    [InlineData(FuelCarrier.Diesel, 0.0341625246)]
    [InlineData(FuelCarrier.FuelOil, 0.0341639564)]
    [InlineData(FuelCarrier.Lpg, 0.0341636940)]
    [InlineData(FuelCarrier.NaturalGas, 0.0341630063)]
    public void Tce_per_GJ_uses_the_ncv_and_kgce_pair(FuelCarrier carrier, double expected) =>
        Approx.Equal(expected, F.TcePerUnit(carrier, FuelUnit.GJ), 1e-8);

    [Theory]
    [InlineData(FuelCarrier.RawCoal, FuelUnit.Nm3)]
    [InlineData(FuelCarrier.Coke, FuelUnit.TenThousandNm3)]
    [InlineData(FuelCarrier.Lpg, FuelUnit.Nm3)]
    [InlineData(FuelCarrier.NaturalGas, FuelUnit.Tonne)]
    [InlineData(FuelCarrier.NaturalGas, FuelUnit.Kilogram)]
    public void A_unit_that_does_not_fit_the_carrier_is_refused(FuelCarrier carrier, FuelUnit unit)
    {
        Assert.False(F.UnitFits(carrier, unit));
        Assert.Throws<ArgumentException>(() => F.TonnesCo2PerUnit(carrier, unit));
        Assert.Throws<ArgumentException>(() => F.TcePerUnit(carrier, unit));
    }

    [Fact]
    public void Every_carrier_accepts_GJ() => Assert.All(EnergyNames.AllCarriers, c => Assert.True(F.UnitFits(c, FuelUnit.GJ)));

    // 0.1229 kgce/kWh = 0.1229 tce/MWh; coal equivalent 2023 = 0.3036 kgce/kWh (data file, "check").
    [Fact]
    public void Electricity_tce_per_MWh_by_calorific_and_coal_equivalent_methods()
    {
        Approx.Equal(0.1229, F.ElectricityTcePerMWh(ElectricityMethod.CalorificEquivalent));
        Approx.Equal(0.3036, F.ElectricityTcePerMWh(ElectricityMethod.CoalEquivalent, 2023));
        Approx.Equal(0.3007, F.ForYear(2022).ElectricityTcePerMWh(ElectricityMethod.CoalEquivalent));
        Approx.Equal(0.3036, F.ElectricityTcePerMWh(ElectricityMethod.CoalEquivalent)); // no year: newest entry
    }

    // 0.03412 kgce/MJ × 1000 MJ/GJ ÷ 1000 kg/t = 0.03412 tce/GJ.
    [Fact]
    public void Heat_factors_are_0_11_tco2_and_0_03412_tce_per_GJ()
    {
        Approx.Equal(0.11, F.HeatTco2PerGJ);
        Approx.Equal(0.03412, F.HeatTcePerGJ);
    }

    [Theory]
    [InlineData(2020, 0.1255)] // before the table: oldest entry
    [InlineData(2021, 0.1255)]
    [InlineData(2022, 0.1404)]
    [InlineData(2023, 0.1564)]
    [InlineData(2025, 0.1564)] // after the table: newest entry not after the year
    public void Sichuan_grid_factor_uses_the_newest_entry_not_after_the_year(int year, double expected) =>
        Approx.Equal(expected, F.GridFactor("sichuan", year));

    [Fact]
    public void Grid_factor_between_entries_uses_the_earlier_one()
    {
        var table = F.WithGridFactor("testland", 2020, 0.5).WithGridFactor("testland", 2024, 0.3);
        Approx.Equal(0.5, table.GridFactor("testland", 2022));
        Approx.Equal(0.5, table.GridFactor("testland", 2019));
        Approx.Equal(0.3, table.GridFactor("testland", 2030));
    }

    [Fact]
    public void Grid_factor_lookup_ignores_case_and_rejects_unknown_regions()
    {
        Approx.Equal(0.5306, F.GridFactor("National", 2023));
        Assert.Throws<KeyNotFoundException>(() => F.GridFactor("atlantis", 2023));
    }

    [Theory]
    [InlineData(2021, 0.5856)] // no 2021 residual published: oldest entry
    [InlineData(2022, 0.5856)]
    [InlineData(2023, 0.6096)]
    [InlineData(2026, 0.6096)]
    public void Residual_factor_uses_the_newest_entry_not_after_the_year(int year, double expected) =>
        Approx.Equal(expected, F.ResidualFactor(year));

    [Theory]
    [InlineData("clinker", 0.52)]
    [InlineData("eaf_steel", 0.08)]
    [InlineData("lime", 0.75)]
    [InlineData("ammonia", 1.694)]
    public void Process_factors_come_from_the_data_file(string product, double expected)
    {
        Assert.True(F.HasProduct(product));
        Approx.Equal(expected, F.ProcessFactor(product));
    }

    [Fact]
    public void An_unknown_product_throws_key_not_found()
    {
        Assert.False(F.HasProduct("unobtainium"));
        Assert.Throws<KeyNotFoundException>(() => F.ProcessFactor("unobtainium"));
    }

    [Fact]
    public void Overrides_replace_values_without_touching_the_default()
    {
        var changed = (F with { HeatTco2PerGJ = 0.09 })
            .WithProcessFactor("clinker", 0.51)
            .WithResidualFactor(2023, 0.6)
            .WithFuel(FuelCarrier.RawCoal, new FuelParameters(FuelBasis.Mass, 20, 25, 1, 0.7));
        Approx.Equal(0.09, changed.HeatTco2PerGJ);
        Approx.Equal(0.51, changed.ProcessFactor("clinker"));
        Approx.Equal(0.6, changed.ResidualFactor(2023));
        Approx.Equal(20 * 0.025 * 44.0 / 12, changed.TonnesCo2PerUnit(FuelCarrier.RawCoal, FuelUnit.Tonne));
        Approx.Equal(0.11, F.HeatTco2PerGJ);
        Approx.Equal(0.52, F.ProcessFactor("clinker"));
        Approx.Equal(0.6096, F.ResidualFactor(2023));
    }

    [Fact]
    public void A_data_file_pairing_a_mass_ncv_with_a_volume_kgce_is_rejected()
    {
        var yaml = DataFiles.ReadText("factors.yaml").Replace("    kgce: 0.7143\n    kgceUnit: kg", "    kgce: 0.7143\n    kgceUnit: Nm3");
        var error = Assert.Throws<InvalidDataException>(() => FactorTable.Parse(yaml));
        Assert.Contains("fuels.raw_coal", error.Message);
    }
}
