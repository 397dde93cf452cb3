using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Energy;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Profiles;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Domain.Tests.Twin;

/// <summary>Hand-made industries, parameters and settings for the twin tests (no shipped data files).</summary>
static class TwinBuilders
{
    public static IndustryProfile Industry(string id, double electricity, double heat, IReadOnlyList<FuelIntensity>? fuels = null,
        IReadOnlyList<ProcessIntensity>? process = null, double value = 0.2) => new()
    {
        Id = id,
        Name = id,
        Group = IndustryGroup.Traditional,
        OutputUnit = "t",
        ValuePerUnit = value,
        ElectricityMWhPerUnit = electricity,
        HeatGJPerUnit = heat,
        Fuels = fuels ?? [],
        Process = process ?? [],
        Pattern = WorkPattern.Continuous,
        WorksWeekends = true,
        MonthlySeason = Enumerable.Repeat(1.0, 12).ToArray(),
        TypicalAnnualOutputMin = 1,
        TypicalAnnualOutputMax = 2,
        EnterpriseShare = 1,
        Source = "test",
    };

    /// <summary>A flat continuous pattern and zero load noise: output per hour = annual output / hours, exactly.</summary>
    public static ProfileParameters Profiles(double cloudSigma = 0.35) => new()
    {
        WorkPatterns = new() { ["continuous"] = new WorkPatternShape { Hours = Enumerable.Repeat(1.0, 24).ToList(), IdleLevel = 1 } },
        LoadNoise = new LoadNoiseParameters { DailySigma = 0, HourlySigma = 0 },
        Solar = new SolarParameters { LatitudeDeg = 30.5, SolarNoonHour = 13.1, DailyCloudSigma = cloudSigma },
        Wind = new WindParameters { DailySigma = 0.45, HourlySigma = 0.15 },
        Hydro = new HydroParameters { RunOfRiverDailySigma = 0.08, ReservoirDailySigma = 0.03 },
    };

    /// <summary>CHP η_e 0.4, heat/power 1.25, capacity factor 0.5; boiler 0.8; battery η 0.81 (legs 0.9), starts half full.</summary>
    public static AssetParameters Assets() => new()
    {
        GasChp = new GasChpParameters { ElectricalEfficiency = 0.4, HeatToPower = 1.25, CapacityFactor = 0.5 },
        CoalBoiler = new BoilerParameters { ThermalEfficiency = 0.8 },
        CoalPower = new PlantParameters { Efficiency = 0.4 },
        GasPower = new PlantParameters { Efficiency = 0.5 },
        Storage = new StorageParameters { RoundTripEfficiency = 0.81, InitialStateOfCharge = 0.5 },
    };

    public static GenerationClimate Climate(double pv = 0.15, double hydroAugust = 0.6) => new(
        HydroMonthlyCapacityFactor: Enumerable.Range(0, 12).Select(m => m == 7 ? hydroAugust : 0.4).ToArray(),
        WindMonthlyCapacityFactor: Enumerable.Repeat(0.25, 12).ToArray(),
        PvMonthlyCapacityFactor: Enumerable.Repeat(pv, 12).ToArray(),
        ThermalMonthlyCapacityFactor: Enumerable.Repeat(0.5, 12).ToArray(),
        LoadHourShape: Enumerable.Repeat(1.0, 24).ToArray());

    public static TwinSettings Settings(int year = 2023, GenerationClimate? climate = null, double[]? hydroAvailability = null,
        ProfileParameters? profiles = null) => new()
    {
        Year = year,
        Seed = 7,
        Factors = HandFactors.Create(),
        Profiles = profiles ?? Profiles(),
        Assets = Assets(),
        Climate = climate ?? Climate(),
        HydroAvailability = hydroAvailability ?? Enumerable.Repeat(1.0, 12).ToArray(),
    };

    public static EnterpriseSpec Enterprise(string id, double annualOutput, string industry = "test") =>
        new() { Id = id, Park = "p1", Industry = industry, AnnualOutput = annualOutput };

    public static AssetSpec Asset(string id, AssetKind kind, string owner, double capacityMW, double energyMWh = 0) =>
        new() { Id = id, Kind = kind, Owner = owner, Park = "p1", CapacityMW = capacityMW, EnergyMWh = energyMWh };
}
