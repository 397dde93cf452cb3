using ParkTwin.Domain.Energy;

namespace ParkTwin.Domain.Twin;

/// <summary>
/// The quantities a twin books per month. One fixed list for enterprises and parks, so that a park's books
/// are the element-wise sum of its enterprises' books plus its own facilities'.
/// </summary>
public static class Metric
{
    public const int ElectricityDemand = 0;
    public const int ElectricityGrid = 1;
    /// <summary>Green electricity from the park's own generation (and storage), not purchased.</summary>
    public const int ElectricityPark = 2;
    public const int ElectricityOnsite = 3;
    public const int HeatDemand = 4;
    /// <summary>Heat from the park's boilers and CHP, inside the park boundary.</summary>
    public const int HeatPark = 5;
    public const int HeatPurchased = 6;
    public const int Output = 7;
    public const int OutputValue = 8;
    public const int EnergyTce = 9;
    public const int CleanEnergyTce = 10;
    public const int Scope1Combustion = 11;
    public const int Scope1Process = 12;
    public const int Scope2Location = 13;
    public const int Scope2Market = 14;
    /// <summary>Assets, parks and the province: generation by source, heat, storage and export.</summary>
    public const int GenerationHydro = 15;
    public const int GenerationWind = 16;
    public const int GenerationPv = 17;
    public const int GenerationCoal = 18;
    public const int GenerationGas = 19;
    public const int HeatGenerated = 20;
    public const int StorageCharged = 21;
    public const int StorageDischarged = 22;
    public const int ElectricityExported = 23;
    /// <summary>Green-power contracts: MWh delivered (bought instead of grid power), MWh contracted, certificates retired for Scope 2 claims.</summary>
    public const int ElectricityGreen = 24;
    public const int GreenContracted = 25;
    public const int CertificatesRetired = 26;
    /// <summary>CO2 captured and stored (CCUS): generated but not emitted, so not in Scope 1.</summary>
    public const int Co2Captured = 27;
    /// <summary>Scope 1 combustion by carrier (tCO2), then fuel energy by carrier (GJ).</summary>
    public const int Scope1ByCarrier = 28;
    public const int FuelByCarrier = Scope1ByCarrier + 6;
    public const int Count = FuelByCarrier + 6;

    public static int Scope1Of(FuelCarrier carrier) => Scope1ByCarrier + (int)carrier;

    public static int FuelOf(FuelCarrier carrier) => FuelByCarrier + (int)carrier;

    /// <summary>Name and unit of each metric, as written in the tidy outputs. Output's unit is the industry's.</summary>
    public static readonly (string Name, string Unit)[] Definitions = BuildDefinitions();

    static (string, string)[] BuildDefinitions()
    {
        var d = new (string, string)[Count];
        d[ElectricityDemand] = ("electricity_demand", "MWh");
        d[ElectricityGrid] = ("electricity_grid", "MWh");
        d[ElectricityPark] = ("electricity_park", "MWh");
        d[ElectricityOnsite] = ("electricity_onsite", "MWh");
        d[HeatDemand] = ("heat_demand", "GJ");
        d[HeatPark] = ("heat_park", "GJ");
        d[HeatPurchased] = ("heat_purchased", "GJ");
        d[Output] = ("output", "unit");
        d[OutputValue] = ("output_value", "10^4 CNY");
        d[EnergyTce] = ("energy", "tce");
        d[CleanEnergyTce] = ("clean_energy", "tce");
        d[Scope1Combustion] = ("scope1_combustion", "tCO2");
        d[Scope1Process] = ("scope1_process", "tCO2");
        d[Scope2Location] = ("scope2_location", "tCO2");
        d[Scope2Market] = ("scope2_market", "tCO2");
        d[GenerationHydro] = ("generation_hydro", "MWh");
        d[GenerationWind] = ("generation_wind", "MWh");
        d[GenerationPv] = ("generation_pv", "MWh");
        d[GenerationCoal] = ("generation_coal", "MWh");
        d[GenerationGas] = ("generation_gas", "MWh");
        d[HeatGenerated] = ("heat_generated", "GJ");
        d[StorageCharged] = ("storage_charged", "MWh");
        d[StorageDischarged] = ("storage_discharged", "MWh");
        d[ElectricityExported] = ("electricity_exported", "MWh");
        d[ElectricityGreen] = ("electricity_green", "MWh");
        d[GreenContracted] = ("green_contracted", "MWh");
        d[CertificatesRetired] = ("certificates_retired", "MWh");
        d[Co2Captured] = ("co2_captured", "tCO2");
        foreach (var c in EnergyNames.AllCarriers)
        {
            d[Scope1Of(c)] = ($"scope1_{c.Name()}", "tCO2");
            d[FuelOf(c)] = ($"fuel_{c.Name()}", "GJ");
        }
        return d;
    }
}
