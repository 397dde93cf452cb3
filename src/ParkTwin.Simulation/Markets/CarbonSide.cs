using ParkTwin.Domain.Markets;
using ParkTwin.Domain.Randomness;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Model;
using ParkTwin.Simulation.Outputs;

namespace ParkTwin.Simulation.Markets;

/// <summary>
/// The carbon side of the stage: free allocation to the enterprises of covered ETS sectors (benchmark × output ×
/// adjustment), monthly call-auction sessions in which each covers its expected shortfall or sells its expected
/// surplus a twelfth at a time at a reservation price near its marginal abatement cost, and compliance on verified
/// Scope 1 at the year's end (surrender, banking of the rest, a fine and a deduction for a shortfall).
/// </summary>
sealed class CarbonSide
{
    /// <summary>
    /// A covered enterprise: its expected obligation for the year (Scope 1, plus purchased electricity when the ETS
    /// covers indirect emissions), its free allocation, cash and abatement cost.
    /// </summary>
    public sealed record Account(string Id, double ExpectedEmissions, long FreeAllocation, decimal Cash, double AbatementCost, ulong Key,
        string Sector, double ProductPerUnit, long IndirectAllocation);

    readonly CarbonSettings settings;
    readonly EtsRules rules;
    readonly int year;
    readonly ulong seed;
    readonly double gridFactor;

    public CarbonSide(ProvinceModel model, CarbonSettings settings, EtsRules rules)
    {
        this.settings = settings;
        this.rules = rules;
        year = model.Settings.Year;
        seed = model.Settings.Seed;
        gridFactor = model.Settings.Factors.GridFactor;
        var enterprises = model.Parks.SelectMany(p => p.Enterprises)
            .Where(e => IsCovered(e.Industry, settings, rules))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToArray();
        var requests = enterprises.Select(e =>
        {
            var sector = rules.SectorOfIndustry(e.Industry)!;
            // A sector's benchmark product may be an intermediate (cement: clinker per tonne of cement).
            var perUnit = model.Industries[e.Industry].Process.FirstOrDefault(p => p.Product == sector.Product)?.PerUnit ?? 1;
            return new AllocationRequest(e.Id, sector.Id, e.AnnualOutput * perUnit);
        }).ToArray();
        var allocation = AllowanceAllocation.Compute(rules, year, requests, settings.AuctionShare);
        AuctionVolume = allocation.Sum(l => (long)Math.Floor(l.Auctioned * settings.AllocationFactor));
        Covered = enterprises.Select((e, i) =>
        {
            var intensity = EnterpriseIntensity.Of(e, model.Industries[e.Industry], model.Settings.Factors);
            var value = e.AnnualOutput * intensity.Value10kCny * 1e4;
            // Indirect emissions (when covered) are allocated on expected purchases at the location-based factor, not trued up.
            var indirect = settings.Indirect ? EnterpriseExpectation.ElectricityMWh(e, intensity, year) * gridFactor : 0;
            var indirectAllocation = (long)Math.Floor(indirect * settings.AllocationFactor);
            return new Account(e.Id, EnterpriseExpectation.Scope1(e, intensity, year) + indirect,
                (long)Math.Floor(allocation[i].Free * settings.AllocationFactor) + indirectAllocation,
                Math.Round((decimal)(value * settings.CashShareOfOutputValue), 2), settings.AbatementCost[e.Industry], Noise.Key(model.Settings.Seed, "ets:" + e.Id),
                requests[i].Sector, requests[i].Output / e.AnnualOutput, indirectAllocation);
        }).ToArray();
    }

    public IReadOnlyList<Account> Covered { get; }

    /// <summary>The auctioned part of the year's allocation, issued to the auctioneer.</summary>
    public long AuctionVolume { get; }

    /// <summary>Whether the enterprises of an industry are in the ETS: a covered sector with a strategy (an abatement cost).</summary>
    public static bool IsCovered(string industry, CarbonSettings settings, EtsRules rules) =>
        settings.Enabled && rules.SectorOfIndustry(industry) is { Covered: true } && settings.AbatementCost.ContainsKey(industry);

    /// <summary>The auctioneer's offer price in a month, CNY/t: the year's reference price (ets.yaml) within the month's price bounds.</summary>
    public double AuctionPrice(int month)
    {
        var price = rules.ReferencePrice.At(year);
        if (settings.Floor(month) is { } floor) price = Math.Max(price, floor);
        if (settings.Ceiling(month) is { } ceiling) price = Math.Min(price, ceiling);
        return Math.Round(price, 2);
    }

    /// <summary>The auctioneer offers what it holds (auctioned allowances and stability-reserve releases) spread over the months left.</summary>
    public AccountOrder? AuctioneerOffer(int month, long holding)
    {
        var quantity = holding / (12 - month);
        return quantity >= 1 ? new AccountOrder($"{AllowanceRegistry.Auctioneer}@{month + 1}", AllowanceRegistry.Auctioneer, quantity, AuctionPrice(month)) : null;
    }

    /// <summary>
    /// A continuous session's arrival order: the month's offers and bids sorted by a hash of (seed, account, month),
    /// then by order id: deterministic, and a different queue each month.
    /// </summary>
    public IReadOnlyList<ContinuousOrder> Arrivals(int month, IReadOnlyList<AccountOrder> offers, IReadOnlyList<AccountOrder> bids) =>
        offers.Select(o => new ContinuousOrder(o.Id, o.Account, OrderSide.Offer, o.Quantity, o.Price))
            .Concat(bids.Select(o => new ContinuousOrder(o.Id, o.Account, OrderSide.Bid, o.Quantity, o.Price)))
            .OrderBy(o => Noise.Mix(Noise.Key(seed, $"ets-arrival:{o.Account}") + (ulong)month))
            .ThenBy(o => o.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Orders for a month's session from each account's position: what it holds against what it expects to emit.</summary>
    public (IReadOnlyList<AccountOrder> Offers, IReadOnlyList<AccountOrder> Bids) Orders(int month, IReadOnlyList<(Account Account, AllowanceAccount Holding)> positions)
    {
        var offers = new List<AccountOrder>();
        var bids = new List<AccountOrder>();
        var monthsLeft = 12 - month;
        foreach (var (account, holding) in positions)
        {
            var gap = account.ExpectedEmissions - holding.Allowances;
            var price = Math.Round(account.AbatementCost * Math.Exp(settings.ReservationSpread * Noise.Normal(account.Key, month)), 2);
            var quantity = Math.Floor(Math.Abs(gap) / monthsLeft);
            if (gap > 0) quantity = Math.Min(quantity, Math.Floor((double)holding.Cash / price));
            if (quantity < 1) continue;
            var order = new AccountOrder($"{account.Id}@{month + 1}", account.Id, quantity, price);
            (gap > 0 ? bids : offers).Add(order);
        }
        return (offers, bids);
    }

    /// <summary>
    /// The verified obligation of a covered enterprise: Scope 1, plus (when the ETS covers them) its purchased
    /// electricity less the certificates the ETS recognises this year, at the location-based factor.
    /// </summary>
    public long Verified(Account account, MonthlyLedger ledger, RecognitionCarry carry)
    {
        var totals = ledger.YearTotals();
        var direct = totals[Metric.Scope1Combustion] + totals[Metric.Scope1Process];
        if (!settings.Indirect) return (long)Math.Round(direct);
        var purchased = totals[Metric.ElectricityGrid] + totals[Metric.ElectricityGreen];
        return (long)Math.Round(direct + Math.Max(0, purchased - Recognised(account.Id, ledger, carry)) * gridFactor);
    }

    /// <summary>
    /// Certificates the ETS sees this year: those retired in months m with m + lag ≤ December, plus those that
    /// reached it from last year; the ones retired later reach next year's compliance (<see cref="RecognitionCarry"/>).
    /// </summary>
    double Recognised(string id, MonthlyLedger ledger, RecognitionCarry carry)
    {
        if (!settings.RecogniseCertificates) return 0;
        var lag = settings.CertificateLagMonths;
        var seen = carry.In.GetValueOrDefault(id);
        for (var m = 0; m < 12; m++)
            if (m + lag <= 11) seen += ledger[m, Metric.CertificatesRetired];
        return seen;
    }

    /// <summary>Reports verified emissions, surrenders what each holds up to them (then offsets, if cheaper than the fine), closes the year.</summary>
    public async Task ComplyAsync(IMarketDesk desk, RunBooks books, int year, RecognitionCarry carry)
    {
        var ledgers = books.Enterprises.ToDictionary(e => e.Id, e => e.Ledger, StringComparer.Ordinal);
        await TrueUpAsync(desk, ledgers);
        var reports = new List<ReportEmissions>();
        var surrenders = new List<SurrenderAllowances>();
        var offsets = new List<(string Id, long Quantity)>();
        foreach (var account in Covered)
        {
            var verified = Verified(account, ledgers[account.Id], carry);
            reports.Add(new ReportEmissions($"ets-report-{year}-{account.Id}", account.Id, year, verified));
            var held = (await desk.CarbonAccountAsync(account.Id))!.Allowances;
            var surrender = Math.Min(held, verified);
            if (surrender > 0) surrenders.Add(new SurrenderAllowances($"ets-surrender-{year}-{account.Id}", account.Id, year, surrender));
            if (OffsetsFor(verified, verified - surrender) is > 0 and var quantity) offsets.Add((account.Id, quantity));
            carry.Out[account.Id] = settings.RecogniseCertificates
                ? Enumerable.Range(0, 12).Where(m => m + settings.CertificateLagMonths > 11).Sum(m => ledgers[account.Id][m, Metric.CertificatesRetired])
                : 0;
        }
        await desk.CarbonAsync(new AllowanceBatch([], [], [], reports, surrenders));
        foreach (var (id, quantity) in offsets)
        {
            await desk.CarbonAsync(new IssueOffsetCredits($"ets-offsets-{year}-{id}", id, quantity));
            await desk.CarbonAsync(new SurrenderOffsets($"ets-offsets-surrender-{year}-{id}", id, year, quantity, OffsetShare));
        }
        // China's deadline: the end of the year after the compliance year.
        await desk.CarbonAsync(new CloseCompliance($"ets-close-{year}", year, new YearMonth(year + 1, 12)));
    }

    double OffsetShare => settings.Offsets.LimitShare ?? rules.OffsetMaxShare;

    /// <summary>Offsets bought for an outstanding obligation: up to the limit share, when they cost less than the fine.</summary>
    long OffsetsFor(long verified, long outstanding) =>
        settings.Offsets.Enabled && outstanding > 0 && settings.Offsets.Price < rules.PenaltyMultiple * rules.ReferencePrice.At(year)
            ? Math.Min(outstanding, (long)Math.Floor(verified * OffsetShare))
            : 0;

    /// <summary>
    /// The allocation was made on expected output; the final one is benchmark × actual output × adjustment (China's
    /// rule). The difference is issued, or taken back out of what the account still holds.
    /// </summary>
    async Task TrueUpAsync(IMarketDesk desk, Dictionary<string, Domain.Twin.MonthlyLedger> ledgers)
    {
        var final = FinalAllocation(ledgers);
        var issues = new List<IssueAllowances>();
        for (var i = 0; i < Covered.Count; i++)
        {
            var account = Covered[i];
            var delta = final[i] - account.FreeAllocation;
            if (delta > 0) issues.Add(new IssueAllowances($"ets-trueup-{year}-{account.Id}", account.Id, year, delta));
            else if (delta < 0)
            {
                var back = Math.Min(-delta, (await desk.CarbonAccountAsync(account.Id))!.Allowances);
                if (back > 0) await desk.CarbonAsync(new CancelAllowances($"ets-trueup-{year}-{account.Id}", account.Id, back));
            }
        }
        if (issues.Count > 0) await desk.CarbonAsync(new AllowanceBatch([], [], issues, [], []));
    }

    long[] FinalAllocation(Dictionary<string, Domain.Twin.MonthlyLedger> ledgers) =>
        AllowanceAllocation.Compute(rules, year,
                Covered.Select(a => new AllocationRequest(a.Id, a.Sector, ledgers[a.Id].YearToDate(Metric.Output) * a.ProductPerUnit)).ToList(), settings.AuctionShare)
            .Select((l, i) => (long)Math.Floor(l.Free * settings.AllocationFactor) + Covered[i].IndirectAllocation).ToArray();

    /// <summary>Each covered enterprise's compliance year: allocated, verified, surrendered, shortfall, penalty, banked.</summary>
    public async Task<IReadOnlyList<TidyRow>> ComplianceRowsAsync(IMarketDesk desk, RunBooks books)
    {
        var rows = new List<TidyRow>();
        var period = year.ToString();
        var final = FinalAllocation(books.Enterprises.ToDictionary(e => e.Id, e => e.Ledger, StringComparer.Ordinal));
        foreach (var (account, i) in Covered.Select((a, i) => (a, i)))
        {
            var record = await desk.ComplianceAsync(account.Id, year) ?? throw new InvalidOperationException($"{account.Id} has no compliance record for {year}");
            var after = (await desk.CarbonAccountAsync(account.Id))!;
            rows.Add(new TidyRow(account.Id, period, "allocated_preliminary", account.FreeAllocation, "allowances"));
            rows.Add(new TidyRow(account.Id, period, "allocated", final[i], "allowances"));
            rows.Add(new TidyRow(account.Id, period, "verified_emissions", record.VerifiedEmissions, "tCO2"));
            rows.Add(new TidyRow(account.Id, period, "surrendered", record.AllowancesSurrendered, "allowances"));
            if (record.OffsetsSurrendered > 0 || settings.Offsets.Enabled)
                rows.Add(new TidyRow(account.Id, period, "offsets_surrendered", record.OffsetsSurrendered, "tCO2"));
            rows.Add(new TidyRow(account.Id, period, "shortfall", record.Shortfall, "allowances"));
            rows.Add(new TidyRow(account.Id, period, "penalty", (double)record.Penalty, "CNY"));
            rows.Add(new TidyRow(account.Id, period, "banked", after.Allowances, "allowances"));
        }
        return rows;
    }
}
