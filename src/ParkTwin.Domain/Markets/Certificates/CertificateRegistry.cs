namespace ParkTwin.Domain.Markets;

/// <summary>The persisted state of a <see cref="CertificateRegistry"/>: plain data, JSON-serialisable.</summary>
public sealed class CertificateRegistryState
{
    public OperationLog Log { get; set; } = new();
    public SortedSet<string> Accounts { get; set; } = new(StringComparer.Ordinal);
    /// <summary>All lots, in serial order.</summary>
    public List<CertificateLot> Lots { get; set; } = [];
    public long NextSerial { get; set; } = 1;
}

/// <summary>
/// Green certificate registry (docs/markets.md): issue, transfer once, retire once for a claim or an offset, expire
/// after two years. Works on lots of consecutive serials; every operation is idempotent by operation id and either
/// applies fully or changes nothing.
/// </summary>
public sealed class CertificateRegistry(CertificateRegistryState state)
{
    public const int ValidityMonths = 24;

    public CertificateRegistry() : this(new CertificateRegistryState()) { }

    public CertificateRegistryState State { get; } = state;

    public IReadOnlyList<CertificateLot> Lots => State.Lots;

    public IReadOnlyList<LedgerEntry> Entries => State.Log.Entries;

    public OperationResult Apply(OpenAccount op) => State.Log.Run(op.OperationId, op, () =>
    {
        Require.AccountName(op.Account, "account");
        Require.That(!State.Accounts.Contains(op.Account), $"account '{op.Account}' already exists");
        State.Accounts.Add(op.Account);
        return [];
    });

    public OperationResult Apply(IssueCertificates op) => State.Log.Run(op.OperationId, op, () =>
    {
        KnownAccount(op.Account);
        Require.That(!string.IsNullOrEmpty(op.SourceAsset), "source asset is required");
        Require.Month(op.Vintage, "vintage");
        Require.Positive(op.Quantity, "quantity");
        State.Lots.Add(new CertificateLot(State.NextSerial, op.Quantity, op.SourceAsset, op.Vintage, op.Tradable, op.Account, op.Account,
            Transferred: false, CertificateState.Held, Retirement: null));
        State.NextSerial += op.Quantity;
        return [new LedgerEntry(op.OperationId, LedgerUnit.Certificate, LedgerBooks.Issuance, op.Account, op.Quantity)];
    });

    public OperationResult Apply(TransferCertificates op) => State.Log.Run(op.OperationId, op, () =>
    {
        KnownAccount(op.From);
        KnownAccount(op.To);
        Require.That(op.From != op.To, "cannot transfer to the same account");
        Require.Month(op.AsOf, "month");
        Require.Positive(op.Quantity, "quantity");
        var taken = Take(op.From, op.Quantity, op.AsOf, lot => lot.Tradable && !lot.Transferred, "tradable, never-transferred");
        foreach (var index in taken) State.Lots[index] = State.Lots[index] with { Holder = op.To, Transferred = true };
        return [new LedgerEntry(op.OperationId, LedgerUnit.Certificate, op.From, op.To, op.Quantity)];
    });

    public OperationResult Apply(RetireCertificates op) => State.Log.Run(op.OperationId, op, () =>
    {
        KnownAccount(op.Holder);
        Require.That(!string.IsNullOrEmpty(op.Beneficiary), "beneficiary is required");
        Require.That(Enum.IsDefined(op.Purpose), $"unknown purpose {op.Purpose}");
        Require.Month(op.AsOf, "month");
        Require.Positive(op.Quantity, "quantity");
        // Non-tradable certificates can only back their owner's own claims.
        var ownClaim = op.Beneficiary == op.Holder && op.Purpose == RetirementPurpose.Scope2Claim;
        var taken = Take(op.Holder, op.Quantity, op.AsOf, lot => lot.Tradable || ownClaim, ownClaim ? "" : "tradable");
        var retirement = new Retirement(op.Beneficiary, op.Purpose, op.AsOf, op.OperationId);
        foreach (var index in taken) State.Lots[index] = State.Lots[index] with { State = CertificateState.Retired, Retirement = retirement };
        return [new LedgerEntry(op.OperationId, LedgerUnit.Certificate, op.Holder, LedgerBooks.Retired, op.Quantity)];
    });

    public OperationResult Apply(ExpireCertificates op) => State.Log.Run(op.OperationId, op, () =>
    {
        Require.Month(op.AsOf, "month");
        var entries = new List<LedgerEntry>();
        for (var i = 0; i < State.Lots.Count; i++)
        {
            var lot = State.Lots[i];
            if (lot.State != CertificateState.Held || lot.ExpiresIn > op.AsOf) continue;
            State.Lots[i] = lot with { State = CertificateState.Expired };
            entries.Add(new LedgerEntry(op.OperationId, LedgerUnit.Certificate, lot.Holder, LedgerBooks.Expired, lot.Quantity));
        }
        return entries;
    });

    /// <summary>Certificates an account holds and may still use in <paramref name="month"/>.</summary>
    public long Usable(string account, YearMonth month, bool tradableOnly = false) =>
        State.Lots.Where(l => l.Holder == account && l.UsableIn(month) && (!tradableOnly || (l.Tradable && !l.Transferred))).Sum(l => l.Quantity);

    /// <summary>Certificates retired for a beneficiary and purpose in a year (e.g. the MWh a Scope 2 claim may count as 0).</summary>
    public long RetiredFor(string beneficiary, RetirementPurpose purpose, int year) =>
        State.Lots.Where(l => l.Retirement is { } r && r.Beneficiary == beneficiary && r.Purpose == purpose && r.Month.Year == year).Sum(l => l.Quantity);

    public CertificateTotals Totals()
    {
        long held = 0, retired = 0, expired = 0;
        foreach (var lot in State.Lots)
            switch (lot.State)
            {
                case CertificateState.Held: held += lot.Quantity; break;
                case CertificateState.Retired: retired += lot.Quantity; break;
                default: expired += lot.Quantity; break;
            }
        return new CertificateTotals(State.NextSerial - 1, held, retired, expired);
    }

    /// <summary>
    /// The registry's invariants; an empty list when they hold: serials issued once each and conserved
    /// (issued = held + retired + expired), each retired certificate retired once with its record, transfers only
    /// of tradable certificates, and the ledger's replayed balances equal to the lots' holdings.
    /// </summary>
    public IReadOnlyList<string> CheckInvariants()
    {
        var problems = new List<string>();
        long expected = 1;
        foreach (var lot in State.Lots)
        {
            if (lot.FirstSerial != expected) problems.Add($"lot at serial {lot.FirstSerial}: expected serial {expected} (gap or overlap)");
            if (lot.Quantity <= 0) problems.Add($"lot at serial {lot.FirstSerial}: quantity {lot.Quantity}");
            if ((lot.State == CertificateState.Retired) != (lot.Retirement is not null)) problems.Add($"lot at serial {lot.FirstSerial}: retirement record does not match state {lot.State}");
            if (lot.Transferred && !lot.Tradable) problems.Add($"lot at serial {lot.FirstSerial}: non-tradable certificates were transferred");
            if (!lot.Transferred && lot.Holder != lot.Owner) problems.Add($"lot at serial {lot.FirstSerial}: held by {lot.Holder} without a transfer");
            expected = lot.FirstSerial + lot.Quantity;
        }
        if (expected != State.NextSerial) problems.Add($"serials end at {expected - 1}, next serial is {State.NextSerial}");
        var t = Totals();
        if (t.Issued != t.Held + t.Retired + t.Expired) problems.Add($"issued {t.Issued} ≠ held {t.Held} + retired {t.Retired} + expired {t.Expired}");

        var ledger = State.Log.Balances();
        var fromLots = State.Lots.GroupBy(l => l.State switch
            {
                CertificateState.Held => l.Holder,
                CertificateState.Retired => LedgerBooks.Retired,
                _ => LedgerBooks.Expired,
            })
            .ToDictionary(g => g.Key, g => (decimal)g.Sum(l => l.Quantity));
        fromLots[LedgerBooks.Issuance] = -t.Issued;
        foreach (var ((unit, account), balance) in ledger)
            if (unit == LedgerUnit.Certificate && balance != fromLots.GetValueOrDefault(account))
                problems.Add($"ledger balance of {account} is {balance}, lots say {fromLots.GetValueOrDefault(account)}");
        foreach (var (account, quantity) in fromLots)
            if (quantity != 0 && !ledger.ContainsKey((LedgerUnit.Certificate, account))) problems.Add($"lots give {account} {quantity}, the ledger nothing");
        return problems;
    }

    void KnownAccount(string account) => Require.That(account is not null && State.Accounts.Contains(account), $"unknown account '{account}'");

    /// <summary>
    /// Picks <paramref name="quantity"/> certificates of the holder usable in the month and matching the filter, oldest
    /// vintage first, then lowest serial; splits the last lot if needed. Refuses before changing anything when the
    /// holder has too few. Returns the indices of the lots that now hold exactly the picked certificates.
    /// </summary>
    List<int> Take(string holder, long quantity, YearMonth month, Func<CertificateLot, bool> filter, string kind)
    {
        var candidates = Enumerable.Range(0, State.Lots.Count)
            .Where(i => State.Lots[i].Holder == holder && State.Lots[i].UsableIn(month) && filter(State.Lots[i]))
            .OrderBy(i => State.Lots[i].Vintage).ThenBy(i => State.Lots[i].FirstSerial)
            .ToList();
        var available = candidates.Sum(i => State.Lots[i].Quantity);
        Require.That(available >= quantity,
            $"{holder} holds {available} usable {(kind == "" ? "" : kind + " ")}certificates in {month}, {quantity} needed");

        var picked = new List<(long Serial, long Quantity)>();
        var left = quantity;
        foreach (var i in candidates)
        {
            if (left == 0) break;
            var take = Math.Min(left, State.Lots[i].Quantity);
            picked.Add((State.Lots[i].FirstSerial, take));
            left -= take;
        }
        // Split the lots (by serial, so indices stay right as the list grows), then find the picked ones.
        foreach (var (serial, take) in picked) Split(serial, take);
        var serials = picked.Select(p => p.Serial).ToHashSet();
        return Enumerable.Range(0, State.Lots.Count).Where(i => serials.Contains(State.Lots[i].FirstSerial)).ToList();
    }

    void Split(long firstSerial, long head)
    {
        var index = State.Lots.FindIndex(l => l.FirstSerial == firstSerial);
        var lot = State.Lots[index];
        if (head == lot.Quantity) return;
        State.Lots[index] = lot with { Quantity = head };
        State.Lots.Insert(index + 1, lot with { FirstSerial = lot.FirstSerial + head, Quantity = lot.Quantity - head });
    }
}
