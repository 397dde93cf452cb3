namespace ParkTwin.Domain.Markets;

/// <summary>The persisted state of an <see cref="AllowanceRegistry"/>: plain data, JSON-serialisable.</summary>
public sealed class AllowanceRegistryState
{
    public OperationLog Log { get; set; } = new();
    public SortedDictionary<string, AllowanceAccount> Accounts { get; set; } = new(StringComparer.Ordinal) { [AllowanceRegistry.Auctioneer] = new() };
    /// <summary>Key: "account|year".</summary>
    public SortedDictionary<string, ComplianceRecord> Compliance { get; set; } = new(StringComparer.Ordinal);
    public SortedSet<int> ClosedYears { get; set; } = [];
    /// <summary>Auction trades per month ("yyyy-MM").</summary>
    public SortedDictionary<string, MonthlyTrade> Trades { get; set; } = new(StringComparer.Ordinal);
    public List<SessionResult> Sessions { get; set; } = [];
    /// <summary>The stability reserve's decisions, in order.</summary>
    public List<ReserveDecision> ReserveDecisions { get; set; } = [];
    /// <summary>Stability-reserve intake still to be withheld from the auctioneer's next issues.</summary>
    public long IntakeDue { get; set; }
    public long Issued { get; set; }
    public long Surrendered { get; set; }
    public long Cancelled { get; set; }
    public long OffsetsIssued { get; set; }
    public long OffsetsSurrendered { get; set; }
    public decimal Deposited { get; set; }
    public decimal PenaltiesCollected { get; set; }
}

/// <summary>
/// The carbon market's registry (docs/markets.md): allowance and offset accounts with cash, allocation, transfers,
/// call-auction and continuous sessions (optionally within a price floor and ceiling), the market stability
/// reserve, cancellation and the yearly compliance cycle. Every operation is idempotent by operation
/// id and either applies fully or changes nothing.
/// </summary>
public sealed class AllowanceRegistry(AllowanceRegistryState state, EtsRules? rules = null)
{
    /// <summary>The market operator's account: sells auctioned allowances and keeps the pay-as-bid surplus.</summary>
    public const string Auctioneer = "auctioneer";

    /// <summary>
    /// The stability reserve's account (docs/markets.md): fed by the stability reserve's intake and purchases at the
    /// price floor, drained by releases and sales at the ceiling. Operated by the registry only; its allowances are
    /// not in circulation.
    /// </summary>
    public const string Reserve = "reserve";

    public AllowanceRegistry() : this(new AllowanceRegistryState()) { }

    public AllowanceRegistryState State { get; } = state;

    public EtsRules Rules { get; } = rules ?? EtsRules.Default;

    public IReadOnlyList<LedgerEntry> Entries => State.Log.Entries;

    public AllowanceAccount? Account(string id) => State.Accounts.GetValueOrDefault(id);

    public ComplianceRecord? Compliance(string account, int year) => State.Compliance.GetValueOrDefault(Key(account, year));

    public OperationResult Apply(OpenAccount op) => State.Log.Run(op.OperationId, op, () =>
    {
        Require.AccountName(op.Account, "account");
        Require.That(op.Account != Reserve, "the reserve account is operated by the registry only");
        Require.That(!State.Accounts.ContainsKey(op.Account), $"account '{op.Account}' already exists");
        State.Accounts[op.Account] = new AllowanceAccount();
        return [];
    });

    public OperationResult Apply(DepositCash op) => State.Log.Run(op.OperationId, op, () =>
    {
        var account = Known(op.Account);
        Require.That(op.Amount > 0, $"amount must be positive (got {op.Amount})");
        account.Cash += op.Amount;
        State.Deposited += op.Amount;
        return [new LedgerEntry(op.OperationId, LedgerUnit.Money, LedgerBooks.Deposit, op.Account, op.Amount)];
    });

    public OperationResult Apply(IssueAllowances op) => State.Log.Run(op.OperationId, op, () =>
    {
        var account = Known(op.Account);
        Require.Positive(op.Quantity, "quantity");
        Require.That(op.Year is >= 1900 and <= 2200, $"year {op.Year} is out of range");
        // A past shortfall comes off the allocation before the account sees it (Decree 775).
        var deducted = Math.Min(account.PendingDeduction, op.Quantity);
        var issued = op.Quantity - deducted;
        account.PendingDeduction -= deducted;
        // Intake the stability reserve could not take from the auction volume comes off the auctioneer's next issues.
        var withheld = op.Account == Auctioneer ? Math.Min(State.IntakeDue, issued) : 0;
        State.IntakeDue -= withheld;
        account.Allowances += issued - withheld;
        State.Issued += issued;
        var entries = new List<LedgerEntry>();
        if (withheld > 0)
        {
            ReserveAccount().Allowances += withheld;
            entries.Add(new LedgerEntry(op.OperationId, LedgerUnit.Allowance, LedgerBooks.Issuance, Reserve, withheld));
        }
        if (issued - withheld > 0) entries.Add(new LedgerEntry(op.OperationId, LedgerUnit.Allowance, LedgerBooks.Issuance, op.Account, issued - withheld));
        return entries;
    });

    public OperationResult Apply(IssueOffsetCredits op) => State.Log.Run(op.OperationId, op, () =>
    {
        var account = Known(op.Account);
        Require.Positive(op.Quantity, "quantity");
        account.Offsets += op.Quantity;
        State.OffsetsIssued += op.Quantity;
        return [new LedgerEntry(op.OperationId, LedgerUnit.OffsetCredit, LedgerBooks.Issuance, op.Account, op.Quantity)];
    });

    public OperationResult Apply(TransferAllowances op) => State.Log.Run(op.OperationId, op, () =>
    {
        var from = Known(op.From);
        var to = Known(op.To);
        Require.That(op.From != op.To, "cannot transfer to the same account");
        Require.Positive(op.Quantity, "quantity");
        Require.Amount(op.Price, "price");
        var value = op.Quantity * op.Price;
        Require.That(from.Allowances >= op.Quantity, $"{op.From} holds {from.Allowances} allowances, {op.Quantity} needed");
        Require.That(to.Cash >= value, $"{op.To} has {to.Cash} CNY, {value} needed");
        from.Allowances -= op.Quantity;
        to.Allowances += op.Quantity;
        to.Cash -= value;
        from.Cash += value;
        var entries = new List<LedgerEntry> { new(op.OperationId, LedgerUnit.Allowance, op.From, op.To, op.Quantity) };
        if (value > 0) entries.Add(new LedgerEntry(op.OperationId, LedgerUnit.Money, op.To, op.From, value));
        return entries;
    });

    public OperationResult Apply(CancelAllowances op) => State.Log.Run(op.OperationId, op, () =>
    {
        var account = Known(op.Account);
        Require.Positive(op.Quantity, "quantity");
        Require.That(account.Allowances >= op.Quantity, $"{op.Account} holds {account.Allowances} allowances, {op.Quantity} needed");
        account.Allowances -= op.Quantity;
        State.Cancelled += op.Quantity;
        return [new LedgerEntry(op.OperationId, LedgerUnit.Allowance, op.Account, LedgerBooks.Cancelled, op.Quantity)];
    });

    public OperationResult Apply(ReportEmissions op) => State.Log.Run(op.OperationId, op, () =>
    {
        Known(op.Account);
        Require.That(op.VerifiedEmissions >= 0, $"verified emissions must not be negative (got {op.VerifiedEmissions})");
        Open(op.Year);
        var key = Key(op.Account, op.Year);
        Require.That(!State.Compliance.ContainsKey(key), $"{op.Account} already reported its {op.Year} emissions");
        State.Compliance[key] = new ComplianceRecord { VerifiedEmissions = op.VerifiedEmissions };
        return [];
    });

    public OperationResult Apply(SurrenderAllowances op) => State.Log.Run(op.OperationId, op, () =>
    {
        var account = Known(op.Account);
        Require.Positive(op.Quantity, "quantity");
        var record = Reported(op.Account, op.Year);
        // Surrendering more than is owed would destroy bankable allowances: refuse it.
        Require.That(op.Quantity <= record.Outstanding, $"{op.Account} owes {record.Outstanding} for {op.Year}, {op.Quantity} offered");
        Require.That(account.Allowances >= op.Quantity, $"{op.Account} holds {account.Allowances} allowances, {op.Quantity} needed");
        account.Allowances -= op.Quantity;
        record.AllowancesSurrendered += op.Quantity;
        State.Surrendered += op.Quantity;
        return [new LedgerEntry(op.OperationId, LedgerUnit.Allowance, op.Account, LedgerBooks.Surrendered, op.Quantity)];
    });

    public OperationResult Apply(SurrenderOffsets op) => State.Log.Run(op.OperationId, op, () =>
    {
        var account = Known(op.Account);
        Require.Positive(op.Quantity, "quantity");
        var record = Reported(op.Account, op.Year);
        var limit = op.MaxShare is { } share ? (long)Math.Floor(record.VerifiedEmissions * share) : OffsetLimit(record.VerifiedEmissions);
        Require.That(record.OffsetsSurrendered + op.Quantity <= limit,
            $"offsets may cover at most {limit} t of {op.Account}'s {op.Year} obligation; {record.OffsetsSurrendered} already used");
        Require.That(op.Quantity <= record.Outstanding, $"{op.Account} owes {record.Outstanding} for {op.Year}, {op.Quantity} offered");
        Require.That(account.Offsets >= op.Quantity, $"{op.Account} holds {account.Offsets} offset credits, {op.Quantity} needed");
        account.Offsets -= op.Quantity;
        record.OffsetsSurrendered += op.Quantity;
        State.OffsetsSurrendered += op.Quantity;
        return [new LedgerEntry(op.OperationId, LedgerUnit.OffsetCredit, op.Account, LedgerBooks.Surrendered, op.Quantity)];
    });

    public OperationResult Apply(CloseCompliance op) => State.Log.Run(op.OperationId, op, () =>
    {
        Open(op.Year);
        Require.Month(op.Deadline, "deadline");
        Require.That(op.Deadline.Year > op.Year, $"the deadline {op.Deadline} must fall after the compliance year {op.Year}");
        var price = (decimal)ReferencePrice(op.Year, op.Deadline);
        var multiple = (decimal)Rules.PenaltyMultiple;
        var entries = new List<LedgerEntry>();
        foreach (var (key, record) in State.Compliance)
        {
            if (YearOf(key) != op.Year) continue;
            var id = AccountOf(key);
            var account = State.Accounts[id];
            record.Closed = true;
            record.Shortfall = record.Outstanding;
            if (record.Shortfall == 0) continue;
            record.Penalty = Math.Round(record.Shortfall * multiple * price, 2);
            var collected = Math.Min(account.Cash, record.Penalty);
            account.Cash -= collected;
            account.PenaltyOwed += record.Penalty - collected;
            account.PendingDeduction += record.Shortfall;
            State.PenaltiesCollected += collected;
            if (collected > 0) entries.Add(new LedgerEntry(op.OperationId, LedgerUnit.Money, id, LedgerBooks.Penalties, collected));
        }
        State.ClosedYears.Add(op.Year);
        return entries;
    });

    public OperationResult Apply(RunAllowanceAuction op) => State.Log.Run(op.OperationId, op, () =>
    {
        var bounds = new PriceBounds(op.PriceFloor, op.PriceCeiling);
        bounds.Validate();
        var orders = op.Offers.Select(o => (Order: o, Side: OrderSide.Offer)).Concat(op.Bids.Select(o => (Order: o, Side: OrderSide.Bid))).ToList();
        foreach (var (o, _) in orders) WholeTonnes(o.Id, o.Account, o.Quantity);
        // Bad orders are refused before the bounds apply (the book names the field).
        Sessions.Clear(op.Month, op.Rule, op.Offers, op.Bids);
        var offers = Bounded(op.Offers, OrderSide.Offer, bounds);
        var bids = Bounded(op.Bids, OrderSide.Bid, bounds);
        foreach (var r in bounds.ReserveOrders(State.Accounts.GetValueOrDefault(Reserve)))
            (r.Side == OrderSide.Offer ? offers : bids).Add(new AccountOrder(r.Id, Reserve, r.Quantity, r.Price));
        var session = Sessions.Clear(op.Month, op.Rule, offers, bids);
        CheckCover(offers, bids);
        return Settle(op.OperationId, op.Month, session);
    });

    public OperationResult Apply(RunContinuousAllowanceSession op) => State.Log.Run(op.OperationId, op, () =>
    {
        var bounds = new PriceBounds(op.PriceFloor, op.PriceCeiling);
        bounds.Validate();
        foreach (var o in op.Orders) WholeTonnes(o.Id, o.Account, o.Quantity);
        Sessions.RunContinuous(op.Month, op.Orders);
        var orders = new List<ContinuousOrder>();
        foreach (var o in op.Orders)
            if (bounds.Bound(o.Side, o.Price) is { } price) orders.Add(o with { Price = price });
        // The reserve's orders arrive last: accounts trade first, the reserve absorbs what is left at the bounds.
        foreach (var r in bounds.ReserveOrders(State.Accounts.GetValueOrDefault(Reserve)))
            orders.Add(new ContinuousOrder(r.Id, Reserve, r.Side, r.Quantity, r.Price));
        var session = Sessions.RunContinuous(op.Month, orders);
        CheckCover(orders.Where(o => o.Side == OrderSide.Offer).Select(o => new AccountOrder(o.Id, o.Account, o.Quantity, o.Price)).ToList(),
            orders.Where(o => o.Side == OrderSide.Bid).Select(o => new AccountOrder(o.Id, o.Account, o.Quantity, o.Price)).ToList());
        return Settle(op.OperationId, op.Month, session);
    });

    public OperationResult Apply(RunStabilityReserve op) => State.Log.Run(op.OperationId, op, () =>
    {
        Require.Month(op.Month, "month");
        Require.That(op.Lower >= 0 && op.Upper > op.Lower, $"thresholds must satisfy 0 <= lower < upper (got {op.Lower}, {op.Upper})");
        Require.That(double.IsFinite(op.IntakeShare) && op.IntakeShare is >= 0 and <= 1, $"intake share must be a fraction (got {op.IntakeShare})");
        Require.That(op.Release >= 0, $"release must not be negative (got {op.Release})");
        var circulation = Circulation();
        var reserve = ReserveAccount();
        var auctioneer = State.Accounts[Auctioneer];
        var entries = new List<LedgerEntry>();
        long intake = 0, deferred = 0, release = 0;
        if (circulation > op.Upper)
        {
            var due = (long)Math.Floor((decimal)op.IntakeShare * circulation);
            // Out of the volume still to be auctioned; what it lacks is withheld from the auctioneer's next issues.
            intake = Math.Min(due, auctioneer.Allowances);
            deferred = due - intake;
            auctioneer.Allowances -= intake;
            reserve.Allowances += intake;
            State.IntakeDue += deferred;
            if (intake > 0) entries.Add(new LedgerEntry(op.OperationId, LedgerUnit.Allowance, Auctioneer, Reserve, intake));
        }
        else if (circulation < op.Lower)
        {
            release = Math.Min(op.Release, reserve.Allowances);
            reserve.Allowances -= release;
            auctioneer.Allowances += release;
            State.IntakeDue = 0;
            if (release > 0) entries.Add(new LedgerEntry(op.OperationId, LedgerUnit.Allowance, Reserve, Auctioneer, release));
        }
        State.ReserveDecisions.Add(new ReserveDecision(op.OperationId, op.Month, circulation, intake, deferred, release));
        return entries;
    });

    /// <summary>Allowances in circulation: held by the accounts other than the reserve and the auctioneer.</summary>
    public long Circulation() => State.Accounts.Where(a => a.Key is not Reserve and not Auctioneer).Sum(a => a.Value.Allowances);

    void WholeTonnes(string id, string account, double quantity)
    {
        Known(account);
        Require.That(double.IsFinite(quantity) && quantity == Math.Floor(quantity) && quantity <= 1e15,
            $"order {id}: allowances trade in whole tonnes (got {quantity})");
    }

    static List<AccountOrder> Bounded(IReadOnlyList<AccountOrder> orders, OrderSide side, PriceBounds bounds) =>
        orders.Select(o => bounds.Bound(side, o.Price) is { } p ? o with { Price = p } : null).OfType<AccountOrder>().ToList();

    /// <summary>Sellers must hold what they offer; buyers must have cash for their bids at their (bounded) prices, above any trade price.</summary>
    void CheckCover(IReadOnlyList<AccountOrder> offers, IReadOnlyList<AccountOrder> bids)
    {
        foreach (var o in offers.Concat(bids)) if (o.Account != Reserve) Known(o.Account);
        foreach (var seller in offers.GroupBy(o => o.Account))
        {
            var offered = (long)seller.Sum(o => o.Quantity);
            var holds = State.Accounts.GetValueOrDefault(seller.Key)?.Allowances ?? 0;
            Require.That(holds >= offered, $"{seller.Key} offers {offered} allowances but holds {holds}");
        }
        foreach (var buyer in bids.GroupBy(o => o.Account))
        {
            var cover = buyer.Sum(Sessions.Cover);
            var cash = State.Accounts.GetValueOrDefault(buyer.Key)?.Cash ?? 0;
            Require.That(cash >= cover, $"{buyer.Key} bids for {cover} CNY but has {cash}");
        }
    }

    /// <summary>Settles a session's fills through the clearing house; the pay-as-bid surplus goes to the auctioneer.</summary>
    List<LedgerEntry> Settle(string operationId, YearMonth month, SessionResult session)
    {
        var entries = new List<LedgerEntry>();
        decimal paid = 0, received = 0;
        foreach (var fill in session.Fills)
        {
            var account = fill.Account == Reserve ? ReserveAccount() : State.Accounts[fill.Account];
            var quantity = (long)fill.Quantity; // whole tonnes in, whole tonnes out
            var value = fill.Quantity * fill.Price;
            if (fill.Side == OrderSide.Offer)
            {
                account.Allowances -= quantity;
                account.Cash += value;
                received += value;
                entries.Add(new LedgerEntry(operationId, LedgerUnit.Allowance, fill.Account, LedgerBooks.Clearing, quantity));
                entries.Add(new LedgerEntry(operationId, LedgerUnit.Money, LedgerBooks.Clearing, fill.Account, value));
            }
            else
            {
                account.Allowances += quantity;
                account.Cash -= value;
                paid += value;
                entries.Add(new LedgerEntry(operationId, LedgerUnit.Allowance, LedgerBooks.Clearing, fill.Account, quantity));
                entries.Add(new LedgerEntry(operationId, LedgerUnit.Money, fill.Account, LedgerBooks.Clearing, value));
            }
        }
        if (paid != received)
        {
            // Pay-as-bid: buyers pay more than sellers receive; the operator keeps the difference.
            State.Accounts[Auctioneer].Cash += paid - received;
            entries.Add(new LedgerEntry(operationId, LedgerUnit.Money, LedgerBooks.Clearing, Auctioneer, paid - received));
        }
        if (session.Volume > 0)
        {
            var trade = State.Trades.TryGetValue(month.ToString(), out var t) ? t : State.Trades[month.ToString()] = new MonthlyTrade();
            trade.Volume += (long)session.Volume;
            trade.Value += paid;
        }
        State.Sessions.Add(session);
        return entries;
    }

    /// <summary>The reserve's account, created on first use (states saved before the reserve existed lack it).</summary>
    AllowanceAccount ReserveAccount() => State.Accounts.TryGetValue(Reserve, out var a) ? a : State.Accounts[Reserve] = new AllowanceAccount();

    /// <summary>The fine's price: the average auction price of the month before the deadline, else the year's reference price.</summary>
    public double ReferencePrice(int year, YearMonth deadline) =>
        State.Trades.TryGetValue(deadline.AddMonths(-1).ToString(), out var t) && t.Volume > 0
            ? (double)(t.Value / t.Volume)
            : Rules.ReferencePrice.At(year);

    public long OffsetLimit(long verifiedEmissions) => (long)Math.Floor(verifiedEmissions * Rules.OffsetMaxShare);

    public AllowanceTotals Totals() => new(
        State.Issued, State.Accounts.Where(a => a.Key != Reserve).Sum(a => a.Value.Allowances), State.Surrendered, State.Cancelled,
        State.OffsetsIssued, State.Accounts.Values.Sum(a => a.Offsets), State.OffsetsSurrendered,
        State.Deposited, State.Accounts.Values.Sum(a => a.Cash), State.PenaltiesCollected, State.Accounts.Values.Sum(a => a.PenaltyOwed),
        State.Accounts.GetValueOrDefault(Reserve)?.Allowances ?? 0);

    /// <summary>
    /// The invariants; an empty list when they hold: allowances issued = held + surrendered + cancelled + in reserve, offsets
    /// issued = held + surrendered, money deposited = Σ cash + penalties collected, no negative holding, and the
    /// ledger's replayed balances equal to the accounts'.
    /// </summary>
    public IReadOnlyList<string> CheckInvariants()
    {
        var problems = new List<string>();
        var t = Totals();
        if (t.Issued != t.Held + t.Surrendered + t.Cancelled + t.InReserve)
            problems.Add($"allowances issued {t.Issued} ≠ held {t.Held} + surrendered {t.Surrendered} + cancelled {t.Cancelled} + in reserve {t.InReserve}");
        if (State.IntakeDue < 0) problems.Add($"stability-reserve intake due is negative ({State.IntakeDue})");
        if (t.OffsetsIssued != t.OffsetsHeld + t.OffsetsSurrendered) problems.Add($"offsets issued {t.OffsetsIssued} ≠ held {t.OffsetsHeld} + surrendered {t.OffsetsSurrendered}");
        if (t.Deposited != t.Cash + t.PenaltiesCollected) problems.Add($"money deposited {t.Deposited} ≠ cash {t.Cash} + penalties collected {t.PenaltiesCollected}");
        var ledger = State.Log.Balances();
        foreach (var (id, a) in State.Accounts)
        {
            if (a.Allowances < 0 || a.Offsets < 0 || a.Cash < 0) problems.Add($"{id} has a negative holding");
            Compare(problems, ledger, LedgerUnit.Allowance, id, a.Allowances);
            Compare(problems, ledger, LedgerUnit.OffsetCredit, id, a.Offsets);
            Compare(problems, ledger, LedgerUnit.Money, id, a.Cash);
        }
        Compare(problems, ledger, LedgerUnit.Allowance, LedgerBooks.Clearing, 0);
        Compare(problems, ledger, LedgerUnit.Money, LedgerBooks.Clearing, 0);
        Compare(problems, ledger, LedgerUnit.Allowance, LedgerBooks.Surrendered, t.Surrendered);
        Compare(problems, ledger, LedgerUnit.Allowance, LedgerBooks.Cancelled, t.Cancelled);
        Compare(problems, ledger, LedgerUnit.Money, LedgerBooks.Penalties, t.PenaltiesCollected);
        return problems;
    }

    static void Compare(List<string> problems, Dictionary<(LedgerUnit, string), decimal> ledger, LedgerUnit unit, string account, decimal expected)
    {
        var actual = ledger.GetValueOrDefault((unit, account));
        if (actual != expected) problems.Add($"ledger {unit} balance of {account} is {actual}, the registry says {expected}");
    }

    AllowanceAccount Known(string account)
    {
        Require.That(account != Reserve, "the reserve account is operated by the registry only");
        return account is not null && State.Accounts.TryGetValue(account, out var a) ? a : throw new OperationRejected($"unknown account '{account}'");
    }

    void Open(int year) => Require.That(!State.ClosedYears.Contains(year), $"compliance year {year} is closed");

    ComplianceRecord Reported(string account, int year)
    {
        Open(year);
        return State.Compliance.TryGetValue(Key(account, year), out var r) ? r : throw new OperationRejected($"{account} has not reported its {year} emissions");
    }

    static string Key(string account, int year) => $"{account}|{year}";
    static string AccountOf(string key) => key[..key.LastIndexOf('|')];
    static int YearOf(string key) => int.Parse(key[(key.LastIndexOf('|') + 1)..]);
}
