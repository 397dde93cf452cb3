using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Factors;
using ParkTwin.Domain.Profiles;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Simulation.Model;

/// <summary>Resolves the shipped (or overridden) data files into the settings every twin of a run shares.</summary>
public static class RunSetup
{
    public static TwinSettings Settings(int year, int seed, ProvinceData province, FactorTable factors,
        ElectricityMethod method = ElectricityMethod.CalorificEquivalent, ProfileParameters? profiles = null, AssetParameters? assets = null) => new()
    {
        Year = year,
        Seed = (ulong)seed,
        Factors = Factors(factors, province.Province, year, method),
        Profiles = profiles ?? ProfileParameters.Default,
        Assets = assets ?? AssetParameters.Default,
        Climate = new GenerationClimate(province.HydroMonthlyCapacityFactor, province.WindMonthlyCapacityFactor,
            province.PvMonthlyCapacityFactor, province.ThermalMonthlyCapacityFactor, province.LoadHourShape),
    };

    public static RunFactors Factors(FactorTable table, string province, int year, ElectricityMethod method) => new()
    {
        GridFactor = table.GridFactor(province, year),
        ResidualFactor = table.ResidualFactor(year),
        HeatCo2PerGJ = table.HeatTco2PerGJ,
        HeatTcePerGJ = table.HeatTcePerGJ,
        ElectricityTcePerMWh = table.ElectricityTcePerMWh(method, year),
        Co2PerUnit = RunFactors.Table((c, u) => table.UnitFits(c, u) ? table.TonnesCo2PerUnit(c, u) : double.NaN),
        TcePerUnit = RunFactors.Table((c, u) => table.UnitFits(c, u) ? table.TcePerUnit(c, u) : double.NaN),
        ProcessFactors = table.ProcessFactors.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
    };

    /// <summary>The shipped catalogue, province data and factors; <paramref name="seed"/> seeds the weather and production noise.</summary>
    /// <param name="checkpointEvery">Grains write their state after every N ticks (0 = never); results do not depend on it.</param>
    public static ProvinceModel Model(Domain.Inventory.ProvinceInventory inventory, int year, int seed,
        ElectricityMethod method = ElectricityMethod.CalorificEquivalent, int checkpointEvery = 0, bool retireGreenCertificates = true,
        double[]? hydroAvailability = null)
    {
        var catalogue = IndustryCatalogue.Default;
        var settings = Settings(year, seed, ProvinceData.Sichuan, FactorTable.Default, method)
            with { CheckpointEvery = checkpointEvery, RetireGreenCertificates = retireGreenCertificates };
        if (hydroAvailability is not null)
            settings = settings with
            {
                HydroAvailability = hydroAvailability,
                Climate = ThermalBackup.Cover(settings.Climate, hydroAvailability, inventory.Assets.Where(a => a.Owner == ProvinceModel.GridOwner),
                    ProvinceData.Sichuan.ThermalMaxMonthlyCapacityFactor),
            };
        return ProvinceModel.Build(inventory, settings, catalogue.All.ToDictionary(i => i.Id, StringComparer.Ordinal));
    }
}
