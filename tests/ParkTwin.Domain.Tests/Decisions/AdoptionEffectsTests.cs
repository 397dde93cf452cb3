using ParkTwin.Domain.Decisions;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Domain.Tests.Decisions;

public sealed class AdoptionEffectsTests
{
    static Adoption Adopted(string option, int year, int month, AdoptionEffect effect) =>
        new("e1", option, 2025, year, month, 0, 0, 0, 0, null) { Park = "park1", Effect = effect };

    [Fact]
    public void Two_fuel_options_stack_multiplicatively_from_their_effective_months()
    {
        Adoption[] adoptions =
        [
            Adopted(AbatementOptionIds.EfficiencyRetrofit, 2025, 6, new AdoptionEffect { Fuel = 0.9, Electricity = 0.95 }),
            Adopted(AbatementOptionIds.WasteHeatRecovery, 2026, 0, new AdoptionEffect { Fuel = 0.95 }),
        ];
        Assert.Same(EnterpriseMeasures.None, AdoptionEffects.Measures(adoptions, 2024));

        var y2025 = AdoptionEffects.Measures(adoptions, 2025);
        Assert.Equal([1, 1, 1, 1, 1, 1, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9], y2025.Fuel);
        Assert.Equal(0.95, y2025.Electricity![11]);
        Assert.Null(y2025.Process);
        Assert.Null(y2025.Heat);
        Assert.Null(y2025.Captured);

        // 2026: both all year, 0.9 x 0.95 = 0.855.
        var y2026 = AdoptionEffects.Measures(adoptions, 2026);
        Assert.All(y2026.Fuel!, f => Approx.Equal(0.855, f));
    }

    [Fact]
    public void Captured_shares_start_at_the_effective_month()
    {
        var measures = AdoptionEffects.Measures([Adopted(AbatementOptionIds.Ccus, 2027, 3, new AdoptionEffect { Captured = 0.6 })], 2027);
        Assert.Equal([0, 0, 0, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6], measures.Captured!.Select(c => Math.Round(c, 12)));
        Assert.Null(measures.Fuel);
    }

    [Fact]
    public void Pv_and_storage_adoptions_become_assets_in_service_from_their_month()
    {
        Adoption[] adoptions =
        [
            Adopted(AbatementOptionIds.OnsitePv, 2025, 4, new AdoptionEffect { PvMW = 1.5 }),
            Adopted(AbatementOptionIds.Storage, 2026, 0, new AdoptionEffect { StorageMW = 0.3, StorageMWh = 0.6 }),
            Adopted(AbatementOptionIds.GreenPowerContract, 2025, 0, new AdoptionEffect { GreenShare = 0.3 }),
        ];
        var pv = Assert.Single(AdoptionEffects.Assets(adoptions, 2025));
        Assert.Equal(("e1-pv-adopt", AssetKind.Pv, "e1", "park1"), (pv.Id, pv.Kind, pv.Owner, pv.Park));
        Assert.Equal(1.5, pv.CapacityMW);
        Assert.Equal(new DateOnly(2025, 5, 1), pv.InService);

        var both = AdoptionEffects.Assets(adoptions, 2026);
        var storage = both.Single(a => a.Kind == AssetKind.Storage);
        Assert.Equal(("e1-storage-adopt", 0.3, 0.6, new DateOnly(2026, 1, 1)), (storage.Id, storage.CapacityMW, storage.EnergyMWh, storage.InService));

        // The contract changes no intensity; the market layer reads its share.
        Assert.Same(EnterpriseMeasures.None, AdoptionEffects.Measures(adoptions, 2026));
        Assert.Equal((0.3, 0), AdoptionEffects.GreenPower(adoptions, 2025));
    }
}
