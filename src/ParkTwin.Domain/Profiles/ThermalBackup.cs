using ParkTwin.Domain.Inventory;

namespace ParkTwin.Domain.Profiles;

/// <summary>
/// When hydro inflow falls below normal, the grid runs its coal and gas plants harder to cover what the hydro
/// plants no longer generate — up to the highest monthly capacity factor they have been seen to carry (August 2022).
/// What they cannot cover is exports lost or imports added, outside the province's books.
/// </summary>
public static class ThermalBackup
{
    public static GenerationClimate Cover(GenerationClimate climate, double[] hydroAvailability, IEnumerable<AssetSpec> gridAssets, double maxFactor)
    {
        var plants = gridAssets.ToArray();
        var hydroMW = plants.Where(a => a.Kind is AssetKind.HydroRunOfRiver or AssetKind.HydroReservoir).Sum(a => a.CapacityMW);
        var thermalMW = plants.Where(a => a.Kind is AssetKind.CoalPower or AssetKind.GasPower).Sum(a => a.CapacityMW);
        if (thermalMW <= 0 || hydroAvailability.All(a => a >= 1)) return climate;
        var thermal = (double[])climate.ThermalMonthlyCapacityFactor.Clone();
        for (var m = 0; m < 12; m++)
        {
            // Average MW the hydro fleet loses this month, as a capacity factor of the thermal fleet.
            var lost = hydroMW * Math.Min(1, climate.HydroMonthlyCapacityFactor[m]) * Math.Max(0, 1 - hydroAvailability[m]);
            if (lost > 0) thermal[m] = Math.Max(thermal[m], Math.Min(maxFactor, thermal[m] + lost / thermalMW));
        }
        return climate with { ThermalMonthlyCapacityFactor = thermal };
    }
}
