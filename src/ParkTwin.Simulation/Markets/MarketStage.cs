using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Markets;
using ParkTwin.Domain.Randomness;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Outputs;

namespace ParkTwin.Simulation.Markets;

/// <summary>
/// The markets of a simulated year, run at tick boundaries (docs/markets.md, "In the simulation"): the monthly
/// green-power auction before a month's first tick, a carbon session after its last, and at the end of the year
/// the certificates for the green power delivered and the ETS compliance. Orders come from each account's
/// strategy with noise seeded per (seed, account, month); every operation has an id derived from what it does,
/// so the same run sends the same operations in the same order to either desk.
/// </summary>
public sealed class MarketStage
{
    readonly ProvinceModel model;
    readonly MarketSettings settings;
    readonly IMarketDesk desk;
    readonly YearCalendar calendar;
    readonly int year;
    readonly GreenSide green;
    readonly CarbonSide carbon;
    readonly IReadOnlyList<SignedContract> contracts;
    readonly RecognitionCarry carry;

    /// <summary>The year's bilateral contracts, for the twins (signed before the first tick).</summary>
    public GreenContract[] Contracts => contracts.Select(c => c.Twin).ToArray();

    /// <param name="carry">Certificates retired last year that reach this year's ETS compliance (a coordination delay); fills its Out for next year.</param>
    public MarketStage(ProvinceModel model, MarketSettings settings, IMarketDesk desk, RecognitionCarry? carry = null)
    {
        this.carry = carry ?? new RecognitionCarry();
        this.model = model;
        this.settings = settings;
        this.desk = desk;
        year = model.Settings.Year;
        calendar = TwinFactory.Calendar(year);
        carbon = new CarbonSide(model, settings.Carbon, EtsRules.Default);
        green = new GreenSide(model, settings.GreenPower, calendar, PolicyBuyers());
        contracts = BilateralContracts.Sign(model, settings.GreenPower, green.ExpectedAnnualMWh);
    }


    /// <summary>
    /// Buyers a policy brings to the green-power market: mandated enterprises, and, when the ETS counts indirect
    /// emissions and recognises certificates, the covered enterprises, who will pay the offer price plus the carbon
    /// they avoid (the year's reference carbon price × the grid factor).
    /// </summary>
    Dictionary<string, GreenBuyer> PolicyBuyers()
    {
        var buyers = new Dictionary<string, GreenBuyer>(settings.GreenPower.Mandates, StringComparer.Ordinal);
        foreach (var (id, adopter) in settings.GreenPower.Adopters) buyers[id] = GreenBuyer.Larger(buyers.GetValueOrDefault(id), adopter)!;
        var cs = settings.Carbon;
        if (!(cs.Enabled && cs.Indirect && cs.RecogniseCertificates) || settings.GreenPower.EtsBuyerShare <= 0) return buyers;
        var avoided = EtsRules.Default.ReferencePrice.At(year) * model.Settings.Factors.GridFactor;
        var ets = new GreenBuyer { Share = settings.GreenPower.EtsBuyerShare, MaxPrice = Math.Round(settings.GreenPower.OfferPrice + avoided, 2) };
        foreach (var account in carbon.Covered) buyers[account.Id] = GreenBuyer.Larger(buyers.GetValueOrDefault(account.Id), ets)!;
        return buyers;
    }

    public async Task OpenYearAsync()
    {
        // Batches: each registry takes its year's openings in one call (and, as a grain, one write).
        if (settings.GreenPower.Enabled)
            await desk.GreenAsync(new GreenPowerBatch(
                green.Accounts.Select(a => new OpenAccount($"gp-open-{a}", a)).ToList(),
                green.Deposits.Select(d => new DepositCash($"gp-cash-{year}-{d.Account}", d.Account, d.Cash)).ToList()));
        if (Certifies)
            await desk.CertificatesAsync(new CertificateBatch(
                green.Accounts.Concat(contracts.SelectMany(c => new[] { c.Seller, c.Twin.Enterprise })).Distinct().Order(StringComparer.Ordinal)
                    .Select(a => new OpenAccount($"gec-open-{a}", a)).ToList(), [], [], []));
        if (settings.Carbon.Enabled)
        {
            await desk.CarbonAsync(new AllowanceBatch(
                carbon.Covered.Select(c => new OpenAccount($"ets-open-{c.Id}", c.Id)).ToList(),
                carbon.Covered.Select(c => new DepositCash($"ets-cash-{year}-{c.Id}", c.Id, c.Cash)).ToList(),
                carbon.Covered.Select(c => new IssueAllowances($"ets-free-{year}-{c.Id}", c.Id, year, c.FreeAllocation)).ToList(), [], []));
            if (carbon.AuctionVolume > 0)
                await desk.CarbonAsync(new IssueAllowances($"ets-auctioned-{year}", AllowanceRegistry.Auctioneer, year, carbon.AuctionVolume));
            // The stability reserve decides once a year, on the circulation after the allocation.
            if (settings.Carbon.Msr is { Enabled: true } msr)
                await desk.CarbonAsync(new RunStabilityReserve($"ets-msr-{year}", new YearMonth(year, 1), msr.Upper, msr.Lower, msr.IntakeShare, msr.Release));
        }
    }

    /// <summary>Clears the month's green-power auction; the award tells the twins who takes which share of the sold generation.</summary>
    public async Task<GreenPowerAward?> OpenMonthAsync(int month)
    {
        if (!settings.GreenPower.Enabled) return null;
        var ym = new YearMonth(year, month + 1);
        // A month clears once; a replay after a roll-back (or a resumed run) takes the recorded session.
        if (await desk.GreenSessionAsync(ym) is not { } session)
        {
            var (offers, bids) = green.Orders(month);
            await desk.GreenAsync(new ClearGreenPowerMonth($"gp-clear-{ym}", ym, MarketSettings.Rule(settings.GreenPower.Rule), offers, bids));
            session = await desk.GreenSessionAsync(ym) ?? throw new InvalidOperationException($"no green-power session recorded for {ym}");
        }
        return green.Award(month, session);
    }

    /// <summary>The month's carbon session: covered enterprises cover an expected shortfall or sell an expected surplus.</summary>
    public async Task CloseMonthAsync(int month)
    {
        if (!settings.Carbon.Enabled) return;
        var ym = new YearMonth(year, month + 1);
        if ((await desk.CarbonSessionsAsync()).Any(s => s.Month == ym)) return;
        var positions = new List<(CarbonSide.Account, AllowanceAccount)>();
        foreach (var c in carbon.Covered) positions.Add((c, await desk.CarbonAccountAsync(c.Id) ?? throw new InvalidOperationException($"no allowance account {c.Id}")));
        var (accountOffers, bids) = carbon.Orders(month, positions);
        var offers = accountOffers.ToList();
        if (carbon.AuctioneerOffer(month, (await desk.CarbonAccountAsync(AllowanceRegistry.Auctioneer))?.Allowances ?? 0) is { } auction) offers.Add(auction);
        // Without both sides there is no session (nothing changes, so a replay decides the same). The reserve is a
        // side when it can buy at the floor or sell at the ceiling.
        var cs = settings.Carbon;
        var reserve = await desk.CarbonAccountAsync(AllowanceRegistry.Reserve);
        var (floor, ceiling) = (cs.Floor(month), cs.Ceiling(month));
        var reserveSells = ceiling is not null && reserve is { Allowances: > 0 };
        var reserveBuys = floor is > 0 && reserve is not null && reserve.Cash >= (decimal)floor;
        if (!(offers.Count > 0 || reserveSells) || !(bids.Count > 0 || reserveBuys)) return;
        var id = $"ets-session-{ym}";
        await desk.CarbonAsync(MarketSettings.Mechanism(cs.Mechanism) == SessionMechanism.Continuous
            ? new RunContinuousAllowanceSession(id, ym, carbon.Arrivals(month, offers, bids), floor, ceiling)
            : new RunAllowanceAuction(id, ym, MarketSettings.Rule(cs.Rule), offers, bids, floor, ceiling));
    }

    /// <summary>Certificates for the green power each buyer took, and the ETS compliance on verified Scope 1.</summary>
    public async Task CloseYearAsync(RunBooks books)
    {
        if (Certifies) await green.CertifyAsync(desk, books, settings.Certificates.RetireForScope2, contracts);
        if (settings.Carbon.Enabled) await carbon.ComplyAsync(desk, books, year, carry);
    }

    /// <summary>
    /// The markets' results month by month in tidy rows (markets_monthly.*), rebuilt from the registries' records
    /// and the books, so that a run resumed by another driver writes the same rows.
    /// </summary>
    bool Certifies => settings.GreenPower.Enabled || contracts.Count > 0;

    /// <param name="closed">False for a run interrupted before the year closed: no compliance rows (there was no compliance).</param>
    public async Task<IReadOnlyList<TidyRow>> RowsAsync(RunBooks books, bool closed = true)
    {
        var rows = new List<TidyRow>();
        void Add(string entity, YearMonth period, string metric, double value, string unit) =>
            rows.Add(new TidyRow(entity, period.ToString(), metric, value, unit));
        var carbonSessions = settings.Carbon.Enabled ? await desk.CarbonSessionsAsync() : [];
        var reserveRows = settings.Carbon.Enabled && ReserveInUse ? await ReserveLevelsAsync(carbonSessions) : null;
        for (var m = 0; m < 12; m++)
        {
            var ym = new YearMonth(year, m + 1);
            if (settings.GreenPower.Enabled && await desk.GreenSessionAsync(ym) is { } session)
            {
                var (offers, bids) = green.Orders(m);
                Add("green_power", ym, "offered", Math.Round(offers.Sum(o => o.Quantity), 3), "MWh");
                Add("green_power", ym, "bid", Math.Round(bids.Sum(o => o.Quantity), 3), "MWh");
                Add("green_power", ym, "volume", (double)session.Volume, "MWh");
                if (session.Price is { } price) Add("green_power", ym, "clearing_price", (double)price, "CNY/MWh");
            }
            if (contracts.Count > 0)
            {
                var expected = contracts.Select(c => (Volume: c.Twin.Share * green.ExpectedMWh(model.GridAssets[c.Twin.Plant], m), c.Price)).ToArray();
                var volume = expected.Sum(e => e.Volume);
                Add("green_power", ym, "bilateral_expected", Math.Round(volume, 3), "MWh");
                if (volume > 0) Add("green_power", ym, "bilateral_price", Math.Round(expected.Sum(e => e.Volume * e.Price) / volume, 2), "CNY/MWh");
            }
            if (Certifies)
            {
                foreach (var (metric, value) in green.Delivery(m, books, contracts)) Add("green_power", ym, metric, value, "MWh");
                // What the buyers could not take of their contracts, they bought from the grid instead.
                var shortfall = green.Delivery(m, books, contracts).Single(d => d.Metric == "shortfall").Value;
                Add("green_power", ym, "shortfall_cost", Math.Round(shortfall * settings.GreenPower.GridPrice, 2), "CNY");
                var certified = green.Certificates(m, books, contracts);
                Add("certificates", ym, "issued", certified, "MWh");
                Add("certificates", ym, "retired", settings.Certificates.RetireForScope2 ? certified : 0, "MWh");
            }
            if (settings.Carbon.Enabled)
            {
                var traded = carbonSessions.Where(s => s.Month == ym).ToArray();
                Add("carbon", ym, "volume", (double)traded.Sum(s => s.Volume), "tCO2");
                if (traded.LastOrDefault()?.Price is { } price) Add("carbon", ym, "clearing_price", (double)price, "CNY/tCO2");
                if (carbon.AuctionVolume > 0 || settings.Carbon.Msr.Enabled)
                    Add("carbon", ym, "auction_sales", Sold(traded, AllowanceRegistry.Auctioneer, OrderSide.Offer), "allowances");
                if (reserveRows is not null)
                {
                    var (intake, release, level) = reserveRows[m];
                    Add("carbon", ym, "floor_purchases", Sold(traded, AllowanceRegistry.Reserve, OrderSide.Bid), "allowances");
                    Add("carbon", ym, "ceiling_sales", Sold(traded, AllowanceRegistry.Reserve, OrderSide.Offer), "allowances");
                    Add("carbon", ym, "msr_intake", intake, "allowances");
                    Add("carbon", ym, "msr_release", release, "allowances");
                    Add("carbon", ym, "reserve_level", level, "allowances");
                }
            }
        }
        if (settings.Carbon.Enabled && closed)
            foreach (var row in await carbon.ComplianceRowsAsync(desk, books)) rows.Add(row);
        return rows;
    }

    bool ReserveInUse => settings.Carbon.PriceFloor is not null || settings.Carbon.PriceCeiling is not null || settings.Carbon.Msr.Enabled
        || settings.Carbon.FloorByMonth is not null || settings.Carbon.CeilingByMonth is not null;

    static double Sold(IEnumerable<SessionResult> sessions, string account, OrderSide side) =>
        (double)sessions.SelectMany(s => s.Fills).Where(f => f.Account == account && f.Side == side).Sum(f => f.Quantity);

    /// <summary>
    /// Per month of the year: the stability reserve's intake and release, and the reserve's level at the month's
    /// end — the level now less what came in after the month (rows are rebuilt at the end of the year).
    /// </summary>
    async Task<(double Intake, double Release, double Level)[]> ReserveLevelsAsync(SessionResult[] sessions)
    {
        var decisions = await desk.CarbonReserveDecisionsAsync();
        var change = new long[12];
        var intake = new double[12];
        var release = new double[12];
        foreach (var d in decisions.Where(d => d.Month.Year == year))
        {
            intake[d.Month.Month - 1] += d.Intake;
            release[d.Month.Month - 1] += d.Release;
            change[d.Month.Month - 1] += d.Intake - d.Release;
        }
        foreach (var s in sessions.Where(s => s.Month.Year == year))
            foreach (var f in s.Fills.Where(f => f.Account == AllowanceRegistry.Reserve))
                change[s.Month.Month - 1] += f.Side == OrderSide.Bid ? (long)f.Quantity : -(long)f.Quantity;
        var level = (await desk.CarbonAccountAsync(AllowanceRegistry.Reserve))?.Allowances ?? 0;
        var result = new (double, double, double)[12];
        for (var m = 11; m >= 0; m--)
        {
            result[m] = (intake[m], release[m], level);
            level -= change[m];
        }
        return result;
    }

    /// <summary>The year's volume-weighted clearing prices (CNY/tCO2, CNY/MWh); null where nothing traded. Next year's expectations.</summary>
    public async Task<(double? Carbon, double? Green)> AveragePricesAsync()
    {
        static double? Average(IEnumerable<SessionResult> sessions)
        {
            var priced = sessions.Where(s => s.Price is not null && s.Volume > 0).ToArray();
            var volume = priced.Sum(s => s.Volume);
            return volume > 0 ? (double)(priced.Sum(s => s.Volume * s.Price!.Value) / volume) : null;
        }
        var carbonSessions = settings.Carbon.Enabled ? (await desk.CarbonSessionsAsync()).Where(s => s.Month.Year == year) : [];
        var greenSessions = new List<SessionResult>();
        if (settings.GreenPower.Enabled)
            for (var m = 1; m <= 12; m++)
                if (await desk.GreenSessionAsync(new YearMonth(year, m)) is { } s) greenSessions.Add(s);
        return (Average(carbonSessions), Average(greenSessions));
    }

    public async Task<MarketSummary> SummaryAsync()
    {
        var invariants = await desk.CheckInvariantsAsync();
        if (invariants.Length > 0) throw new InvalidOperationException("market invariants broken: " + string.Join("; ", invariants));
        return new MarketSummary(
            settings.GreenPower.Enabled ? await desk.GreenTotalsAsync() : null,
            settings.GreenPower.Enabled ? await desk.CertificateTotalsAsync() : null,
            settings.Carbon.Enabled ? await desk.AllowanceTotalsAsync() : null);
    }
}

/// <summary>The markets' totals in summary.json; their invariants were checked when it was built.</summary>
public sealed record MarketSummary(GreenPowerTotals? GreenPower, CertificateTotals? Certificates, AllowanceTotals? Allowances);
