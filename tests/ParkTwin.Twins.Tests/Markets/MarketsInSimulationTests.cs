using ParkTwin.Domain.Data;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Driver;
using ParkTwin.Simulation.Markets;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Synthetic;
using ParkTwin.Twins.Tests.Grains;

namespace ParkTwin.Twins.Tests.Markets;

/// <summary>The markets inside a province-year (flat kernel, Domain registries): what they change in the books and what they conserve.</summary>
public sealed class MarketsInSimulationTests
{
    static MarketSettings Settings(Action<MarketSettings> change)
    {
        var settings = DataFiles.ReadYaml<MarketSettings>("markets.yaml");
        // The test province is small: let every enterprise of a buying industry take part.
        settings.GreenPower.MinBuyerAnnualMWh = 0;
        change(settings);
        return settings;
    }

    [Fact]
    public async Task Green_power_replaces_grid_power_hour_by_hour_and_each_delivered_MWh_earns_one_retired_certificate()
    {
        var model = TestProvince.Model();
        var without = await SimulationLoop.RunAsync(new FlatEngine(model), TickLength.Day);
        var desk = new LocalMarketDesk();
        var stage = new MarketStage(model, Settings(s => s.Carbon.Enabled = false), desk);
        var with = await SimulationLoop.RunAsync(new FlatEngine(model), TickLength.Day, markets: stage);

        var delivered = 0.0;
        long certificates = 0;
        foreach (var ((id, before), (_, after)) in without.Enterprises.Zip(with.Enterprises))
            for (var m = 0; m < 12; m++)
            {
                // The market changes where electricity comes from, never how much is used: grid + green = the old grid purchase, exactly.
                Assert.Equal(before[m, Metric.ElectricityGrid], after[m, Metric.ElectricityGrid] + after[m, Metric.ElectricityGreen]);
                Assert.True(after[m, Metric.ElectricityGreen] <= after[m, Metric.GreenContracted], $"{id} took more green power than contracted in month {m + 1}");
                Assert.Equal(after[m, Metric.ElectricityGreen], after[m, Metric.CertificatesRetired]);
                delivered += after[m, Metric.ElectricityGreen];
                certificates += (long)Math.Floor(after[m, Metric.ElectricityGreen]);
            }
        Assert.True(delivered > 0, "no green power was delivered");

        // Market-based Scope 2 falls by the residual factor on every retired MWh; location-based does not move.
        var residual = model.Settings.Factors.ResidualFactor;
        var parksBefore = without.ProvinceParks.YearTotals();
        var parksAfter = with.ProvinceParks.YearTotals();
        Assert.Equal(parksBefore[Metric.Scope2Market] - delivered * residual, parksAfter[Metric.Scope2Market], 1e-6 * parksBefore[Metric.Scope2Market]);
        Assert.Equal(parksBefore[Metric.Scope2Location], parksAfter[Metric.Scope2Location], 1e-9 * parksBefore[Metric.Scope2Location]);

        var summary = await stage.SummaryAsync();
        Assert.Equal(certificates, summary.Certificates!.Issued);
        Assert.Equal(certificates, summary.Certificates.Retired);
        Assert.Equal(summary.GreenPower!.EnergySold, summary.GreenPower.EnergyBought);
        Assert.Empty(await desk.CheckInvariantsAsync());
    }

    [Fact]
    public async Task A_tighter_quota_makes_the_carbon_market_trade_and_compliance_accounts_for_every_allowance()
    {
        // Seed 42 at scale 0.1 has cement plants (short under a 10 % tighter quota) and EAF steel (long): both sides trade.
        var model = RunSetup.Model(ProvinceGenerator.Generate(42, 0.1), TestProvince.Year, 42);
        var desk = new LocalMarketDesk();
        var stage = new MarketStage(model, Settings(s => { s.GreenPower.Enabled = false; s.Carbon.AllocationFactor = 0.9; }), desk);
        var books = await SimulationLoop.RunAsync(new FlatEngine(model), TickLength.Month, markets: stage);

        var rows = await stage.RowsAsync(books);
        var compliance = rows.Where(r => r.Period == "2023").ToArray();
        Assert.NotEmpty(compliance);
        var totals = await desk.AllowanceTotalsAsync();
        // Conservation: every allowance issued is held, surrendered or cancelled.
        Assert.Equal(totals.Issued, totals.Held + totals.Surrendered + totals.Cancelled);
        // Issued = the preliminary allocation plus the true-ups up to the final one (benchmark × actual output); a
        // true-up down is taken back (cancelled).
        double Sum(string metric) => compliance.Where(r => r.Metric == metric).Sum(r => r.Value);
        var trueUps = compliance.GroupBy(r => r.Entity).Select(g => g.Single(r => r.Metric == "allocated").Value - g.Single(r => r.Metric == "allocated_preliminary").Value).ToArray();
        Assert.Equal(Sum("allocated_preliminary") + trueUps.Where(d => d > 0).Sum(), totals.Issued);
        Assert.Equal(-trueUps.Where(d => d < 0).Sum(), totals.Cancelled);
        foreach (var enterprise in compliance.GroupBy(r => r.Entity))
        {
            double Get(string metric) => enterprise.Single(r => r.Metric == metric).Value;
            // Verified = Scope 1 of the books; a shortfall is what neither allowances nor offsets (bought when cheaper than
            // the fine, up to 5 % of verified emissions) covered, and only a shortfall is fined.
            var ledger = books.Enterprises.Single(e => e.Id == enterprise.Key).Ledger.YearTotals();
            Assert.Equal(Math.Round(ledger[Metric.Scope1Combustion] + ledger[Metric.Scope1Process]), Get("verified_emissions"));
            Assert.Equal(Get("verified_emissions") - Get("surrendered") - Get("offsets_surrendered"), Get("shortfall"));
            Assert.True(Get("offsets_surrendered") <= Math.Floor(0.05 * Get("verified_emissions")));
            Assert.Equal(Get("shortfall") > 0, Get("penalty") > 0);
        }
        Assert.Contains(rows, r => r.Entity == "carbon" && r.Metric == "volume" && r.Value > 0);
        Assert.Empty(await desk.CheckInvariantsAsync());
    }

    [Fact]
    public async Task A_bilateral_contract_delivers_its_share_of_the_plants_output_to_its_buyer_only()
    {
        var model = TestProvince.Model();
        var plant = model.GridAssets.First(a => a.Kind == Domain.Inventory.AssetKind.Wind);
        var buyer = model.Parks.SelectMany(p => p.Enterprises).OrderByDescending(e => e.AnnualOutput * model.Industries[e.Industry].ElectricityMWhPerUnit).First();
        var settings = Settings(s =>
        {
            s.GreenPower.Enabled = false;
            s.Carbon.Enabled = false;
            s.GreenPower.Bilateral = new BilateralSettings
            {
                Enabled = true,
                Contracts = [new ListedContract { Id = "PPA-1", Seller = plant.Id, Buyer = buyer.Id, AnnualMWh = 1000, Price = 300 }],
            };
        });
        var without = await SimulationLoop.RunAsync(new FlatEngine(model), TickLength.Day);
        var stage = new MarketStage(model, settings, new LocalMarketDesk());
        var with = await SimulationLoop.RunAsync(new FlatEngine(model), TickLength.Week, markets: stage);

        foreach (var ((id, before), (_, after)) in without.Enterprises.Zip(with.Enterprises))
        {
            var green = after.YearToDate(Metric.ElectricityGreen);
            if (id != buyer.Id) Assert.Equal(0, green);
            Assert.Equal(before.YearToDate(Metric.ElectricityGrid), after.YearToDate(Metric.ElectricityGrid) + green, 1e-6);
        }
        // As produced: the buyer is offered 1000 MWh of expected output (actual wind varies), and takes what it can use.
        var contracted = with.Enterprises.Single(e => e.Id == buyer.Id).Ledger.YearToDate(Metric.GreenContracted);
        Assert.InRange(contracted, 700, 1300);
        Assert.True(with.Enterprises.Single(e => e.Id == buyer.Id).Ledger.YearToDate(Metric.ElectricityGreen) > 0);
    }

    [Fact]
    public void A_contract_larger_than_the_plants_generation_is_bad_input_naming_the_contract()
    {
        var model = TestProvince.Model();
        var plant = model.GridAssets.First(a => a.Kind == Domain.Inventory.AssetKind.Wind);
        var buyer = model.Parks[0].Enterprises[0];
        var settings = Settings(s => s.GreenPower.Bilateral = new BilateralSettings
        {
            Enabled = true,
            Contracts = [new ListedContract { Seller = plant.Id, Buyer = buyer.Id, AnnualMWh = plant.CapacityMW * 8760, Price = 300 }],
        });
        var error = Assert.Throws<Domain.InputException>(() => new MarketStage(model, settings, new LocalMarketDesk()));
        Assert.Equal("greenPower.bilateral.contracts[0].annualMWh", error.Path);
    }

    static async Task<(LocalMarketDesk Desk, IReadOnlyList<Simulation.Outputs.TidyRow> Rows)> CarbonYear(Action<CarbonSettings> change)
    {
        var model = RunSetup.Model(ProvinceGenerator.Generate(42, 0.1), TestProvince.Year, 42);
        var desk = new LocalMarketDesk();
        var stage = new MarketStage(model, Settings(s => { s.GreenPower.Enabled = false; s.Carbon.AllocationFactor = 0.9; change(s.Carbon); }), desk);
        var books = await SimulationLoop.RunAsync(new FlatEngine(model), TickLength.Month, markets: stage);
        var rows = await stage.RowsAsync(books);
        await stage.SummaryAsync(); // throws if an invariant is broken
        var totals = await desk.AllowanceTotalsAsync();
        Assert.Equal(totals.Issued, totals.Held + totals.Surrendered + totals.Cancelled + totals.InReserve);
        Assert.Equal(totals.Deposited, totals.Cash + totals.PenaltiesCollected);
        Assert.Empty(await desk.CheckInvariantsAsync());
        return (desk, rows);
    }

    [Fact]
    public async Task Continuous_sessions_trade_and_conserve_allowances_and_money()
    {
        var (desk, rows) = await CarbonYear(c => c.Mechanism = "continuous");
        var sessions = await desk.CarbonSessionsAsync();
        Assert.NotEmpty(sessions);
        Assert.All(sessions, s => Assert.Equal(Domain.Markets.SessionMechanism.Continuous, s.Mechanism));
        Assert.Contains(rows, r => r.Entity == "carbon" && r.Metric == "volume" && r.Value > 0);
        // Each trade pays the seller what the buyer pays: Σ offer fills = Σ bid fills, in allowances and money.
        foreach (var s in sessions)
        {
            Assert.Equal(s.Fills.Where(f => f.Side == Domain.Markets.OrderSide.Offer).Sum(f => f.Quantity * f.Price), s.Fills.Where(f => f.Side == Domain.Markets.OrderSide.Bid).Sum(f => f.Quantity * f.Price));
            Assert.Equal(s.Volume, s.Fills.Where(f => f.Side == Domain.Markets.OrderSide.Bid).Sum(f => f.Quantity));
        }
    }

    [Theory]
    [InlineData("call-auction")]
    [InlineData("continuous")]
    public async Task With_a_floor_a_ceiling_an_auctioned_share_and_the_stability_reserve_prices_stay_within_the_bounds(string mechanism)
    {
        var (desk, rows) = await CarbonYear(c =>
        {
            c.Mechanism = mechanism;
            c.PriceFloor = 60;
            c.PriceCeiling = 100;
            c.AuctionShare = 0.1;
            // Thresholds for the test province: any circulation is above the upper one.
            c.Msr = new MsrSettings { Enabled = true, Upper = 1, Lower = 0, IntakeShare = 0.24, Release = 0 };
        });
        var sessions = await desk.CarbonSessionsAsync();
        Assert.Contains(sessions, s => s.Volume > 0);
        Assert.All(sessions.SelectMany(s => s.Fills), f => Assert.InRange(f.Price, 60m, 100m));
        Assert.All(rows.Where(r => r.Entity == "carbon" && r.Metric == "clearing_price"), r => Assert.InRange(r.Value, 60, 100));
        // The stability reserve took its intake in January out of the auction volume.
        var decision = Assert.Single(await desk.CarbonReserveDecisionsAsync());
        Assert.True(decision.Intake > 0);
        Assert.Equal(decision.Intake, rows.Single(r => r.Metric == "msr_intake" && r.Period == "2023-01").Value);
        var totals = await desk.AllowanceTotalsAsync();
        Assert.Equal(totals.InReserve, rows.Single(r => r.Metric == "reserve_level" && r.Period == "2023-12").Value);
        // The reserve's level moves month by month only through intake, release and its trades at the bounds.
        var level = 0.0;
        foreach (var month in rows.Where(r => r.Metric == "reserve_level").OrderBy(r => r.Period))
        {
            double Get(string metric) => rows.Single(r => r.Period == month.Period && r.Metric == metric).Value;
            level += Get("msr_intake") - Get("msr_release") + Get("floor_purchases") - Get("ceiling_sales");
            Assert.Equal(level, month.Value);
        }
    }
}
