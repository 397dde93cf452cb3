using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Profiles;
using Xunit;

namespace ParkTwin.Domain.Tests.Profiles;

/// <summary>
/// A hydro shortfall is covered by the thermal fleet up to its highest monthly capacity factor. By hand: 100 MW of
/// hydro at CF 0.5; 50 MW of coal and gas at CF 0.4. Availability 0.5 loses 25 MW = 0.5 of the thermal fleet → 0.9,
/// capped at 0.7; availability 0.9 loses 5 MW = 0.1 → 0.5; normal months stay 0.4.
/// </summary>
public sealed class ThermalBackupTests
{
    static readonly AssetSpec[] Grid =
    [
        new() { Id = "H1", Kind = AssetKind.HydroReservoir, Owner = "grid", CapacityMW = 60 },
        new() { Id = "H2", Kind = AssetKind.HydroRunOfRiver, Owner = "grid", CapacityMW = 40 },
        new() { Id = "C1", Kind = AssetKind.CoalPower, Owner = "grid", CapacityMW = 30 },
        new() { Id = "G1", Kind = AssetKind.GasPower, Owner = "grid", CapacityMW = 20 },
        new() { Id = "W1", Kind = AssetKind.Wind, Owner = "grid", CapacityMW = 500 },
    ];

    static GenerationClimate Climate() => new(Enumerable.Repeat(0.5, 12).ToArray(), new double[12], new double[12], Enumerable.Repeat(0.4, 12).ToArray(), new double[24]);

    [Fact]
    public void Thermal_plants_cover_the_lost_hydro_up_to_their_highest_capacity_factor()
    {
        var availability = Enumerable.Repeat(1.0, 12).ToArray();
        availability[6] = 0.9;
        availability[7] = 0.5;
        var covered = ThermalBackup.Cover(Climate(), availability, Grid, maxFactor: 0.7).ThermalMonthlyCapacityFactor;
        Assert.Equal(0.5, covered[6], 12);
        Assert.Equal(0.7, covered[7], 12);
        Assert.All(covered.Where((_, m) => m is not (6 or 7)), cf => Assert.Equal(0.4, cf));
    }

    [Fact]
    public void A_normal_year_or_a_wet_one_changes_nothing()
    {
        var climate = Climate();
        Assert.Same(climate, ThermalBackup.Cover(climate, Enumerable.Repeat(1.0, 12).ToArray(), Grid, 0.7));
        var wet = Enumerable.Repeat(1.2, 12).ToArray();
        Assert.Same(climate, ThermalBackup.Cover(climate, wet, Grid, 0.7));
    }
}
