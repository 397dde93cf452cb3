namespace ParkTwin.Domain.Markets;

/// <summary>
/// One month's centralised green-power matching: generators offer MWh (energy with its certificates), consumers
/// bid; a call auction settles energy and money. Quantities are MWh (fractions allowed).
/// </summary>
public sealed record ClearGreenPowerMonth(string OperationId, YearMonth Month, PricingRule Rule, IReadOnlyList<AccountOrder> Offers, IReadOnlyList<AccountOrder> Bids);

public sealed class GreenPowerAccount
{
    public decimal Cash { get; set; }
    public decimal EnergySold { get; set; }
    public decimal EnergyBought { get; set; }
}

/// <summary>Cash deposited = Σ cash; energy sold = energy bought.</summary>
public sealed record GreenPowerTotals(decimal Deposited, decimal Cash, decimal EnergySold, decimal EnergyBought);

/// <summary>The persisted state of a <see cref="GreenPowerMarket"/>: plain data, JSON-serialisable.</summary>
public sealed class GreenPowerMarketState
{
    public OperationLog Log { get; set; } = new();
    public SortedDictionary<string, GreenPowerAccount> Accounts { get; set; } = new(StringComparer.Ordinal) { [GreenPowerMarket.Auctioneer] = new() };
    /// <summary>Cleared sessions by month ("yyyy-MM"): one per month.</summary>
    public SortedDictionary<string, SessionResult> Sessions { get; set; } = new(StringComparer.Ordinal);
    public decimal Deposited { get; set; }
}

/// <summary>
/// The monthly green-power market (docs/markets.md). It settles the contracted energy and its payment; the
/// certificates that go with the energy are moved in the <see cref="CertificateRegistry"/> once issued for the
/// month's actual generation (the caller transfers min(contracted, issued) to the buyer).
/// </summary>
public sealed class GreenPowerMarket(GreenPowerMarketState state)
{
    public const string Auctioneer = "auctioneer";

    public GreenPowerMarket() : this(new GreenPowerMarketState()) { }

    public GreenPowerMarketState State { get; } = state;

    public IReadOnlyList<LedgerEntry> Entries => State.Log.Entries;

    public GreenPowerAccount? Account(string id) => State.Accounts.GetValueOrDefault(id);

    public SessionResult? Session(YearMonth month) => State.Sessions.GetValueOrDefault(month.ToString());

    public OperationResult Apply(OpenAccount op) => State.Log.Run(op.OperationId, op, () =>
    {
        Require.AccountName(op.Account, "account");
        Require.That(!State.Accounts.ContainsKey(op.Account), $"account '{op.Account}' already exists");
        State.Accounts[op.Account] = new GreenPowerAccount();
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

    public OperationResult Apply(ClearGreenPowerMonth op) => State.Log.Run(op.OperationId, op, () =>
    {
        foreach (var o in op.Offers.Concat(op.Bids)) Known(o.Account);
        Require.That(!State.Sessions.ContainsKey(op.Month.ToString()), $"{op.Month} has already been cleared");
        var session = Sessions.Clear(op.Month, op.Rule, op.Offers, op.Bids);
        foreach (var buyer in op.Bids.GroupBy(o => o.Account))
        {
            var cover = buyer.Sum(Sessions.Cover);
            Require.That(State.Accounts[buyer.Key].Cash >= cover, $"{buyer.Key} bids for {cover} CNY but has {State.Accounts[buyer.Key].Cash}");
        }
        var entries = new List<LedgerEntry>();
        decimal paid = 0, received = 0;
        foreach (var fill in session.Fills)
        {
            var account = State.Accounts[fill.Account];
            var energy = fill.Quantity;
            var value = fill.Quantity * fill.Price;
            if (fill.Side == OrderSide.Offer)
            {
                account.EnergySold += energy;
                account.Cash += value;
                received += value;
                entries.Add(new LedgerEntry(op.OperationId, LedgerUnit.Energy, fill.Account, LedgerBooks.Clearing, energy));
                entries.Add(new LedgerEntry(op.OperationId, LedgerUnit.Money, LedgerBooks.Clearing, fill.Account, value));
            }
            else
            {
                account.EnergyBought += energy;
                account.Cash -= value;
                paid += value;
                entries.Add(new LedgerEntry(op.OperationId, LedgerUnit.Energy, LedgerBooks.Clearing, fill.Account, energy));
                entries.Add(new LedgerEntry(op.OperationId, LedgerUnit.Money, fill.Account, LedgerBooks.Clearing, value));
            }
        }
        if (paid != received)
        {
            State.Accounts[Auctioneer].Cash += paid - received;
            entries.Add(new LedgerEntry(op.OperationId, LedgerUnit.Money, LedgerBooks.Clearing, Auctioneer, paid - received));
        }
        State.Sessions[op.Month.ToString()] = session;
        return entries;
    });

    public GreenPowerTotals Totals() => new(State.Deposited, State.Accounts.Values.Sum(a => a.Cash),
        State.Accounts.Values.Sum(a => a.EnergySold), State.Accounts.Values.Sum(a => a.EnergyBought));

    /// <summary>Money conserved (deposited = Σ cash), energy sold = bought, no negative cash, ledger = accounts.</summary>
    public IReadOnlyList<string> CheckInvariants()
    {
        var problems = new List<string>();
        var t = Totals();
        if (t.Deposited != t.Cash) problems.Add($"money deposited {t.Deposited} ≠ cash {t.Cash}");
        if (t.EnergySold != t.EnergyBought) problems.Add($"energy sold {t.EnergySold} ≠ bought {t.EnergyBought}");
        var ledger = State.Log.Balances();
        foreach (var (id, a) in State.Accounts)
        {
            if (a.Cash < 0) problems.Add($"{id} has negative cash");
            if (ledger.GetValueOrDefault((LedgerUnit.Money, id)) != a.Cash) problems.Add($"ledger cash of {id} differs from the account");
            if (ledger.GetValueOrDefault((LedgerUnit.Energy, id)) != a.EnergyBought - a.EnergySold) problems.Add($"ledger energy of {id} differs from the account");
        }
        return problems;
    }

    GreenPowerAccount Known(string account) =>
        account is not null && State.Accounts.TryGetValue(account, out var a) ? a : throw new OperationRejected($"unknown account '{account}'");
}
