using ParkTwin.Domain.Energy;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;

namespace ParkTwin.Domain.Tests.Twin;

/// <summary>
/// A hand-computed 3-hour tick (hours 0–2 of January 2023) of park p1, stepped by <see cref="ParkStepper"/> through a fake
/// <see cref="IParkMembers"/> that runs real enterprise twins and real boiler, CHP and battery twins, and hands out fixed PV.
///
/// Enterprises (flat, no noise): e-a 10 MWh + 10 GJ per hour; e-b 20 MWh + 30 GJ per hour.
/// Assets (sorted by id): a-boiler coal 2.5 MW (9 GJ/h, η 0.8); a-chp gas 10 MW (5 MWh + 22.5 GJ per hour);
/// a-pv-onsite owned by e-a: [15, 6, 0]; a-pv-park: [10, 2, 40]; a-storage 5 MW / 20 MWh, η 0.81 (legs 0.9), SoC 10.
///
/// Electricity, hour by hour:
///   e-a net demand max(0, 10 − own) = [0, 4, 10]; e-a surplus [5, 0, 0]; e-b net demand 20 → total net [20, 24, 30].
///   Pool before storage = park PV + surplus = [15, 2, 40]; battery signal = pool − net = [−5, −22, +10].
///   Battery: h0 delivers 5 (power; SoC 10 − 5/0.9 = 40/9); h1 can deliver 40/9 × 0.9 = 4 (SoC 0);
///            h2 charges 5 (power; SoC 4.5). Flow [5, 4, −5].
///   Pool after storage [20, 6, 35] vs net [20, 24, 30]: share [1, 0.25, 1], export [0, 0, 5].
///   e-a park supply = net × share = [0, 1, 10]; e-b = [20, 5, 20].
///   e-a: own min(15,10)=10, 6, 0 → 16; park 0, 1, 10 → 11; grid 0, 3, 0 → 3.
///   e-b: park 20, 5, 20 → 45; grid 0, 15, 0 → 15.
///   Check: PV 21 + 52 + battery net 4 = 77 = used on site 16 + park 56 + export 5.
/// Heat, every hour: demand 10 + 30 = 40; CHP 22.5; boiler asked 40 − 22.5 = 17.5, gives its 9; pool 31.5,
///   share 31.5 / 40 = 0.7875 → e-a 7.875 GJ/h, e-b 23.625 GJ/h.
/// </summary>
public sealed class ParkBalanceTests
{
    static readonly TickWindow Tick = new(0, 0, 3);

    sealed class FakeMembers : IParkMembers
    {
        public readonly EnterpriseTwin[] Enterprises;
        public readonly Dictionary<int, AssetTwin> Twins = [];
        public readonly Dictionary<int, double[]> Pv = [];
        public readonly Dictionary<string, double[]> Signals = [];
        public readonly Dictionary<string, EnterpriseSupply> Supplies = [];
        readonly ParkLayout layout;

        public FakeMembers(ParkLayout layout, TwinSettings settings, Dictionary<string, Domain.Catalogue.IndustryProfile> industries)
        {
            this.layout = layout;
            Enterprises = layout.Enterprises.Select(e => TwinFactory.Enterprise(e, industries[e.Industry], settings)).ToArray();
            for (var i = 0; i < layout.Assets.Length; i++)
                if (layout.Assets[i].Spec.Kind != AssetKind.Pv) Twins[i] = TwinFactory.Asset(layout.Assets[i].Spec, settings);
        }

        public ValueTask<EnterprisePlan> PlanAsync(int enterprise, TickWindow window) => ValueTask.FromResult(Enterprises[enterprise].PlanFor(window));

        public ValueTask<AssetOutput> StepAssetAsync(int asset, TickWindow window, double[] signal)
        {
            lock (Signals) Signals[layout.Assets[asset].Spec.Id] = signal;
            if (Twins.TryGetValue(asset, out var twin)) return ValueTask.FromResult(twin.Step(window, signal));
            var pv = Pv[asset];
            var row = new double[Metric.Count];
            row[Metric.GenerationPv] = pv.Sum();
            return ValueTask.FromResult(new AssetOutput(pv, [], row));
        }

        public ValueTask<EnterpriseResult> SettleAsync(int enterprise, TickWindow window, EnterpriseSupply supply, TickWindow? next)
        {
            lock (Supplies) Supplies[layout.Enterprises[enterprise].Id] = supply;
            return ValueTask.FromResult(Enterprises[enterprise].Step(window, supply, next));
        }
    }

    static ParkLayout Layout() => new(
        new ParkSpec { Id = "p1", Prefecture = "chengdu" },
        // Given out of order: the layout sorts by id.
        [TwinBuilders.Enterprise("e-b", 175_200, "ind_b"), TwinBuilders.Enterprise("e-a", 87_600, "ind_a")],
        [
            TwinBuilders.Asset("a-storage", AssetKind.Storage, "p1", 5, energyMWh: 20),
            TwinBuilders.Asset("a-pv-park", AssetKind.Pv, "p1", 50),
            TwinBuilders.Asset("a-pv-onsite", AssetKind.Pv, "e-a", 20),
            TwinBuilders.Asset("a-chp", AssetKind.GasChp, "p1", 10),
            TwinBuilders.Asset("a-boiler", AssetKind.CoalBoiler, "p1", 2.5),
        ]);

    static async Task<(FakeMembers Members, ParkStepper Stepper, double[] Row)> Run()
    {
        var layout = Layout();
        var industries = new Dictionary<string, Domain.Catalogue.IndustryProfile>
        {
            ["ind_a"] = TwinBuilders.Industry("ind_a", electricity: 1, heat: 1),
            ["ind_b"] = TwinBuilders.Industry("ind_b", electricity: 1, heat: 1.5),
        };
        var members = new FakeMembers(layout, TwinBuilders.Settings(), industries);
        members.Pv[2] = [15.0, 6, 0];   // a-pv-onsite
        members.Pv[3] = [10.0, 2, 40];  // a-pv-park
        var stepper = new ParkStepper(layout, HandFactors.Create(), members, 4);
        var row = await stepper.StepAsync(Tick, null, 0);
        return (members, stepper, row);
    }

    [Fact]
    public void Layout_sorts_members_by_id_and_gives_each_asset_its_role()
    {
        var layout = Layout();
        Assert.Equal(["e-a", "e-b"], layout.Enterprises.Select(e => e.Id));
        Assert.Equal(["a-boiler", "a-chp", "a-pv-onsite", "a-pv-park", "a-storage"], layout.Assets.Select(a => a.Spec.Id));
        Assert.Equal([AssetRole.Boiler, AssetRole.Chp, AssetRole.OnsiteGenerator, AssetRole.SharedGenerator, AssetRole.SharedStorage],
            layout.Assets.Select(a => a.Role));
        Assert.Equal([-1, -1, 0, -1, -1], layout.Assets.Select(a => a.Enterprise));
    }

    [Fact]
    public void Layout_splits_shared_batteries_by_energy_and_boilers_by_capacity()
    {
        var layout = new ParkLayout(new ParkSpec { Id = "p1", Prefecture = "x" }, [],
        [
            TwinBuilders.Asset("b1", AssetKind.Storage, "p1", 1, energyMWh: 10),
            TwinBuilders.Asset("b2", AssetKind.Storage, "p1", 1, energyMWh: 30),
            TwinBuilders.Asset("k1", AssetKind.CoalBoiler, "p1", 4),
            TwinBuilders.Asset("k2", AssetKind.CoalBoiler, "p1", 12),
        ]);
        // 10 / 40 = 0.25, 30 / 40 = 0.75; 4 / 16 = 0.25, 12 / 16 = 0.75.
        Assert.Equal([0.25, 0.75, 0.25, 0.75], layout.Assets.Select(a => a.SignalShare));
    }

    [Fact]
    public void Boilers_share_the_heat_deficit_by_capacity_whoever_owns_them()
    {
        // Boilers are shared facilities whoever owns them (ParkLayout's summary) and each is asked
        // max(0, heat demand − heat pool) × its share, so the shares of all the park's boilers must add up to 1:
        // a park-owned 4 MW and an enterprise-owned 12 MW boiler → 0.25 and 0.75.
        var layout = new ParkLayout(new ParkSpec { Id = "p1", Prefecture = "x" }, [TwinBuilders.Enterprise("e-a", 1)],
        [
            TwinBuilders.Asset("k1", AssetKind.CoalBoiler, "p1", 4),
            TwinBuilders.Asset("k2", AssetKind.CoalBoiler, "e-a", 12),
        ]);
        Assert.Equal([AssetRole.Boiler, AssetRole.Boiler], layout.Assets.Select(a => a.Role));
        Assert.Equal(1, layout.Assets.Sum(a => a.SignalShare), 12);
        Assert.Equal([0.25, 0.75], layout.Assets.Select(a => a.SignalShare));
    }

    [Fact]
    public void Power_plants_cannot_sit_in_a_park()
    {
        Assert.Throws<InputException>(() => new ParkLayout(new ParkSpec { Id = "p1", Prefecture = "x" }, [],
            [TwinBuilders.Asset("coal", AssetKind.CoalPower, "p1", 600)]));
    }

    [Fact]
    public async Task Shared_storage_is_offered_the_pool_balance_after_onsite_use()
    {
        var (members, _, _) = await Run();
        Assert.Equal([-5.0, -22, 10], members.Signals["a-storage"]);
        Assert.Equal(4.5, members.Twins[4].StateOfChargeMWh, 9);
        Approx.Equal(9, members.Twins[4].Ledger[0, Metric.StorageDischarged]);
        Approx.Equal(5, members.Twins[4].Ledger[0, Metric.StorageCharged]);
    }

    [Fact]
    public async Task Onsite_pv_serves_its_owner_first_and_the_pool_is_shared_pro_rata_to_net_demand()
    {
        var (members, _, _) = await Run();
        var a = members.Supplies["e-a"];
        var b = members.Supplies["e-b"];
        Assert.Equal([15.0, 6, 0], a.Onsite);
        Assert.Empty(b.Onsite);
        // share [1, 0.25, 1]: e-a [0, 4 × 0.25, 10], e-b [20, 20 × 0.25, 20].
        AssertSeries([0, 1, 10], a.ParkElectricity);
        AssertSeries([20, 5, 20], b.ParkElectricity);
        var la = members.Enterprises[0].Ledger;
        var lb = members.Enterprises[1].Ledger;
        Approx.Equal(16, la[0, Metric.ElectricityOnsite]);
        Approx.Equal(11, la[0, Metric.ElectricityPark]);
        Approx.Equal(3, la[0, Metric.ElectricityGrid]);
        Assert.Equal(0, lb[0, Metric.ElectricityOnsite]);
        Approx.Equal(45, lb[0, Metric.ElectricityPark]);
        Approx.Equal(15, lb[0, Metric.ElectricityGrid]);
    }

    [Fact]
    public async Task Surplus_goes_to_storage_first_and_the_rest_is_exported()
    {
        // h2: pool 40 vs net 30 → battery takes 5 (its power), 5 exported; plus the CHP's 15 MWh sent to the grid.
        var (_, _, row) = await Run();
        Approx.Equal(20, row[Metric.ElectricityExported]);
    }

    [Fact]
    public async Task Chp_heat_is_shared_pro_rata_to_heat_demand_and_the_boiler_covers_the_rest_up_to_capacity()
    {
        var (members, _, _) = await Run();
        Assert.All(members.Signals["a-boiler"], s => Approx.Equal(17.5, s));
        Approx.Equal(27, members.Twins[0].Ledger[0, Metric.HeatGenerated]);       // 3 h × 9 GJ
        Assert.All(members.Supplies["e-a"].ParkHeat, q => Approx.Equal(7.875, q));  // 10 × 0.7875
        Assert.All(members.Supplies["e-b"].ParkHeat, q => Approx.Equal(23.625, q)); // 30 × 0.7875
        Approx.Equal(30 - 23.625, members.Enterprises[0].Ledger[0, Metric.HeatPurchased]); // 6.375
        Approx.Equal(90 - 70.875, members.Enterprises[1].Ledger[0, Metric.HeatPurchased]); // 19.125
    }

    [Fact]
    public async Task Close_adds_enterprise_rows_and_facilities()
    {
        var (_, stepper, row) = await Run();
        Approx.Equal(90, row[Metric.ElectricityDemand]);
        Approx.Equal(18, row[Metric.ElectricityGrid]);
        Approx.Equal(56, row[Metric.ElectricityPark]);      // 11 + 45
        Approx.Equal(16, row[Metric.ElectricityOnsite]);
        Approx.Equal(120, row[Metric.HeatDemand]);
        Approx.Equal(94.5, row[Metric.HeatPark]);
        Approx.Equal(25.5, row[Metric.HeatPurchased]);
        Approx.Equal(73, row[Metric.GenerationPv]);          // 21 + 52
        Approx.Equal(15, row[Metric.GenerationGas]);
        Approx.Equal(94.5, row[Metric.HeatGenerated]);       // 67.5 + 27
        Approx.Equal(5, row[Metric.StorageCharged]);
        Approx.Equal(9, row[Metric.StorageDischarged]);
        // Boiler 27 / 0.8 = 33.75 GJ coal × 0.0908886 = 3.06749025; CHP 135 GJ gas × 0.055539 = 7.497765.
        Approx.Equal(33.75, row[Metric.FuelOf(FuelCarrier.RawCoal)]);
        Approx.Equal(135, row[Metric.FuelOf(FuelCarrier.NaturalGas)]);
        Approx.Equal(10.56525525, row[Metric.Scope1Combustion]);
        // Scope 2: e-a 3 × 0.2 + 6.375 × 0.1 = 1.2375; e-b 15 × 0.2 + 19.125 × 0.1 = 4.9125 → 6.15.
        //          market: 3 × 0.6 + 0.6375 = 2.4375; 15 × 0.6 + 1.9125 = 10.9125 → 13.35.
        Approx.Equal(6.15, row[Metric.Scope2Location]);
        Approx.Equal(13.35, row[Metric.Scope2Market]);
        // Clean energy (16 + 11 + 45) × 0.1229 = 8.8488.
        Approx.Equal(8.8488, row[Metric.CleanEnergyTce]);
        Assert.Equal(row, Enumerable.Range(0, Metric.Count).Select(i => stepper.Ledger[0, i]));
    }

    [Fact]
    public async Task Close_does_not_count_internal_heat_and_exported_chp_power_twice()
    {
        // Facilities: 33.75 × 0.03412 = 1.15155 + 135 × 0.03412 = 4.6062 → 5.75775 tce.
        // e-a: 30 × 0.1229 + 30 × 0.03412 = 3.687 + 1.0236 = 4.7106; e-b: 60 × 0.1229 + 90 × 0.03412 = 7.374 + 3.0708 = 10.4448.
        // Less park heat 94.5 × 0.03412 = 3.22434 and CHP power sent out 15 × 0.1229 = 1.8435:
        // 5.75775 + 15.1554 − 5.06784 = 15.84531 tce.
        var (_, _, row) = await Run();
        Approx.Equal(15.84531, row[Metric.EnergyTce]);
    }

    [Fact]
    public async Task Repeating_a_park_tick_returns_the_booked_row_and_books_nothing()
    {
        var (_, stepper, row) = await Run();
        var again = await stepper.StepAsync(Tick, null, 0);
        Assert.Same(row, again);
        Approx.Equal(90, stepper.Ledger[0, Metric.ElectricityDemand]);
    }

    static void AssertSeries(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 9);
    }
}
