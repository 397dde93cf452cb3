using ParkTwin.Domain.Accounting;
using ParkTwin.Domain.Energy;
using ParkTwin.Domain.Factors;

namespace ParkTwin.Domain.Tests.Accounting;

public sealed class CarbonAccountingTests
{
    static readonly FactorTable F = FactorTable.Default;

    // Grid 0.1564 and residual 0.6096 (Sichuan / national residual 2023), calorific 0.1229 tce/MWh.
    static readonly AccountingBasis Calorific = new(F, 0.1564, 0.6096, 0.1229);

    static CarbonAccount Account(ActivityData data, AccountingBasis? basis = null) => CarbonAccounting.Account(data, basis ?? Calorific);

    /// <summary>The cement enterprise of the example input.</summary>
    static readonly ActivityData Cement = new()
    {
        Fuels = [new FuelUse(FuelCarrier.RawCoal, 1200, FuelUnit.Tonne), new FuelUse(FuelCarrier.NaturalGas, 35, FuelUnit.TenThousandNm3)],
        Process = [new ProcessOutput("clinker", 80000)],
        Electricity = new ElectricityUse(GridMWh: 5000, GreenMWh: 1500, CertificatesRetired: 1200, OnsiteMWh: 300),
        OutputValue10kCNY = 20000,
    };

    [Fact]
    public void Scope1_combustion_of_the_example_cement_plant()
    {
        // raw coal: 1200 t × 20.908 GJ/t = 25089.6 GJ × 26.37 tC/TJ / 1000 = 661.612752 tC × 0.94 = 621.91598688 tC
        //           × 44/12 = 2280.35861856 tCO2
        // gas: 35 × 389.31 GJ = 13625.85 GJ × 15.30 / 1000 = 208.475505 tC × 0.99 = 206.39074995 tC × 44/12 = 756.76608315 tCO2
        var account = Account(Cement);
        Approx.Equal(2280.35861856, account.ByCarrier[FuelCarrier.RawCoal].Tco2);
        Approx.Equal(756.76608315, account.ByCarrier[FuelCarrier.NaturalGas].Tco2);
        Approx.Equal(3037.12470171, account.Scope1Combustion);
    }

    [Fact]
    public void Scope1_process_is_output_times_process_factor()
    {
        // 80000 t clinker × 0.52 = 41600; plus 2000 t EAF steel × 0.08 = 160.
        Approx.Equal(41600, Account(Cement).Scope1Process);
        var two = Account(new ActivityData { Process = [new ProcessOutput("clinker", 80000), new ProcessOutput("eaf_steel", 2000)] });
        Approx.Equal(41760, two.Scope1Process);
    }

    [Fact]
    public void Scope2_location_counts_grid_and_green_contract_power_at_the_grid_factor()
    {
        // (5000 + 1500) MWh × 0.1564 = 1016.6; on-site 300 MWh is not purchased.
        Approx.Equal(1016.6, Account(Cement).Scope2Location);
    }

    [Fact]
    public void Scope2_market_counts_purchased_power_not_backed_by_certificates_at_the_residual_factor()
    {
        // max(0, 5000 + 1500 − 1200) = 5300 MWh × 0.6096 = 3230.88.
        Approx.Equal(3230.88, Account(Cement).Scope2Market);
    }

    [Fact]
    public void Scope2_market_is_zero_when_certificates_exceed_grid_plus_green()
    {
        // max(0, 100 + 50 − 500) = 0; location still (100 + 50) × 0.1564 = 23.46.
        var account = Account(new ActivityData { Electricity = new ElectricityUse(GridMWh: 100, GreenMWh: 50, CertificatesRetired: 500) });
        Assert.Equal(0, account.Scope2Market);
        Approx.Equal(23.46, account.Scope2Location);
    }

    [Fact]
    public void Purchased_heat_adds_to_both_scope2_figures_and_to_energy()
    {
        // 1000 GJ × 0.11 = 110 tCO2 in both; energy 1000 × 0.03412 = 34.12 tce.
        var account = Account(new ActivityData { HeatGJ = 1000 });
        Approx.Equal(110, account.Scope2Location);
        Approx.Equal(110, account.Scope2Market);
        Approx.Equal(34.12, account.EnergyTce);
        Assert.Equal(0, account.Scope1);
    }

    [Fact]
    public void Onsite_generation_has_no_scope2_but_is_energy_consumed()
    {
        // 1000 MWh × 0.1229 = 122.9 tce, all of it clean.
        var account = Account(new ActivityData { Electricity = new ElectricityUse(OnsiteMWh: 1000) });
        Assert.Equal(0, account.Scope2Location);
        Assert.Equal(0, account.Scope2Market);
        Approx.Equal(122.9, account.EnergyTce);
        Approx.Equal(1.0, account.CleanEnergyShare);
    }

    [Fact]
    public void Energy_tce_by_the_calorific_equivalent_method()
    {
        // coal 1200 × 0.7143 = 857.16; gas 35 × 13.3 = 465.5; power (5000 + 1500 + 300) × 0.1229 = 835.72 → 2158.38.
        Approx.Equal(2158.38, Account(Cement).EnergyTce);
    }

    [Fact]
    public void Energy_tce_by_the_coal_equivalent_method()
    {
        // power 6800 MWh × 0.3036 (2023) = 2064.48 → 857.16 + 465.5 + 2064.48 = 3387.14.
        var basis = AccountingBasis.For(F, "sichuan", 2023, ElectricityMethod.CoalEquivalent);
        Approx.Equal(0.3036, basis.ElectricityTcePerMWh);
        Approx.Equal(3387.14, Account(Cement, basis).EnergyTce);
    }

    [Fact]
    public void Carbon_per_energy_is_scope1_plus_market_scope2_over_tce()
    {
        // (3037.12470171 + 41600 + 3230.88) / 2158.38 = 47868.00470171 / 2158.38 = 22.1777465978
        Approx.Equal(22.1777465978, Account(Cement).CarbonPerEnergy, 1e-9);
    }

    [Fact]
    public void Clean_share_counts_onsite_and_green_contract_power_when_certificates_do_not_exceed_green()
    {
        // clean = 300 on-site + 1500 green (the 1200 certificates are the green contract's) = 1800 MWh × 0.1229 = 221.22 tce
        // share 221.22 / 2158.38 = 0.1024935368
        Approx.Equal(0.1024935368, Account(Cement).CleanEnergyShare, 1e-9);
    }

    [Fact]
    public void Clean_share_counts_certificates_beyond_green_power_against_grid_power_up_to_purchases()
    {
        // grid 1000, green 400, certificates 900 → clean purchased min(1400, max(400, 900)) = 900 MWh of 1400 MWh → 900/1400.
        var backed = Account(new ActivityData { Electricity = new ElectricityUse(GridMWh: 1000, GreenMWh: 400, CertificatesRetired: 900) });
        Approx.Equal(900.0 / 1400, backed.CleanEnergyShare);
        // certificates 5000 > purchases 1400 → capped: share 1.
        var capped = Account(new ActivityData { Electricity = new ElectricityUse(GridMWh: 1000, GreenMWh: 400, CertificatesRetired: 5000) });
        Approx.Equal(1.0, capped.CleanEnergyShare);
    }

    [Fact]
    public void Ratios_of_an_account_without_energy_use_are_null()
    {
        var account = Account(new ActivityData { Process = [new ProcessOutput("clinker", 10)] });
        Assert.Null(account.CarbonPerEnergy);
        Assert.Null(account.CleanEnergyShare);
    }

    [Fact]
    public void Fuel_quantities_in_kg_Nm3_and_GJ_account_like_their_native_units()
    {
        // 1200 t = 1 200 000 kg = 25089.6 GJ of raw coal; 35 × 10^4 Nm3 = 350 000 Nm3 of gas.
        var native = Account(new ActivityData { Fuels = [new(FuelCarrier.RawCoal, 1200, FuelUnit.Tonne), new(FuelCarrier.NaturalGas, 35, FuelUnit.TenThousandNm3)] });
        var small = Account(new ActivityData { Fuels = [new(FuelCarrier.RawCoal, 1_200_000, FuelUnit.Kilogram), new(FuelCarrier.NaturalGas, 350_000, FuelUnit.Nm3)] });
        var energy = Account(new ActivityData { Fuels = [new(FuelCarrier.RawCoal, 25089.6, FuelUnit.GJ), new(FuelCarrier.NaturalGas, 13625.85, FuelUnit.GJ)] });
        Approx.Equal(native.Scope1Combustion, small.Scope1Combustion);
        Approx.Equal(native.Scope1Combustion, energy.Scope1Combustion);
        Approx.Equal(native.EnergyTce, small.EnergyTce);
        Approx.Equal(native.EnergyTce, energy.EnergyTce);
    }

    [Fact]
    public void Same_carrier_twice_adds_up_in_the_carrier_breakdown()
    {
        // 10 t diesel × 3.0959096373 + 5000 kg × 0.0030959096373 = 30.959096373 + 15.4795481867 = 46.438644560
        var account = Account(new ActivityData { Fuels = [new(FuelCarrier.Diesel, 10, FuelUnit.Tonne), new(FuelCarrier.Diesel, 5000, FuelUnit.Kilogram)] });
        Approx.Equal(46.43864456, account.ByCarrier[FuelCarrier.Diesel].Tco2);
        Approx.Equal(15 * 1.4571, account.ByCarrier[FuelCarrier.Diesel].Tce);
    }

    [Fact]
    public void Park_ratios_come_from_summed_accounts_not_from_averaged_ratios()
    {
        // A: on-site 3000 MWh → 368.7 tce, 0 tCO2. B: grid 1000 MWh (122.9 tce, 609.6 tCO2 market) + 100 t clinker (52 tCO2).
        // park (0 + 661.6) / (368.7 + 122.9) = 661.6 / 491.6 = 1.3458096013; the average of ratios would be (0 + 5.3832)/2 = 2.69.
        var a = Account(new ActivityData { Electricity = new ElectricityUse(OnsiteMWh: 3000) });
        var b = Account(new ActivityData { Electricity = new ElectricityUse(GridMWh: 1000), Process = [new ProcessOutput("clinker", 100)] });
        var park = CarbonAccount.Sum([a, b]);
        Approx.Equal(491.6, park.EnergyTce);
        Approx.Equal(1.3458096013, park.CarbonPerEnergy, 1e-9);
        Approx.Equal(368.7 / 491.6, park.CleanEnergyShare);
    }
}
