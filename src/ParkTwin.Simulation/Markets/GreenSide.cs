using ParkTwin.Domain.Inventory;
using ParkTwin.Domain.Markets;
using ParkTwin.Domain.Randomness;
using ParkTwin.Domain.Time;
using ParkTwin.Domain.Twin;
using ParkTwin.Simulation.Model;

namespace ParkTwin.Simulation.Markets;

/// <summary>
/// The green-power side of the stage: grid wind and PV plants offer part of their expected generation, large
/// buyers in the export industries bid for part of their expected grid purchase; what clears becomes each plant's
/// sold share and each buyer's share of the sold pool, and at the year's end the certificates of what was delivered.
/// </summary>
sealed class GreenSide
{
    readonly ProvinceModel model;
    readonly GreenPowerSettings settings;
    readonly YearCalendar calendar;
    readonly (int Index, AssetSpec Spec)[] sellers;
    readonly (EnterpriseSpec Spec, GreenBuyer Buyer, double AnnualMWh)[] buyers;

    /// <param name="policyBuyers">Enterprises that bid because a policy makes them (mandates, ETS recognition), whatever their size:
    /// their share and price are at least these.</param>
    public GreenSide(ProvinceModel model, GreenPowerSettings settings, YearCalendar calendar, IReadOnlyDictionary<string, GreenBuyer>? policyBuyers = null)
    {
        policyBuyers ??= new Dictionary<string, GreenBuyer>();
        this.model = model;
        this.settings = settings;
        this.calendar = calendar;
        var kinds = settings.SellerKinds.Select(KindOf).ToHashSet();
        sellers = model.GridAssets.Select((a, i) => (i, a)).Where(p => kinds.Contains(p.a.Kind)).ToArray();
        buyers = model.Parks.SelectMany(p => p.Enterprises)
            .Select(e => (Spec: e, Buyer: BuyerOf(e, settings, policyBuyers),
                AnnualMWh: EnterpriseExpectation.ElectricityMWh(e, EnterpriseIntensity.Of(e, model.Industries[e.Industry], model.Settings.Factors), calendar.Year)))
            .Where(b => b.Buyer is not null && (b.AnnualMWh >= settings.MinBuyerAnnualMWh || policyBuyers.ContainsKey(b.Spec.Id)))
            .Select(b => (b.Spec, b.Buyer!, b.AnnualMWh))
            .OrderBy(b => b.Spec.Id, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// An enterprise's bidding terms: its industry's, raised to a policy's where one applies; a green-power discount
    /// raises what it will pay by the discount (the state pays that part). Null: it does not bid.
    /// </summary>
    static GreenBuyer? BuyerOf(EnterpriseSpec e, GreenPowerSettings settings, IReadOnlyDictionary<string, GreenBuyer> policyBuyers)
    {
        if (GreenBuyer.Larger(settings.Buyers.GetValueOrDefault(e.Industry), policyBuyers.GetValueOrDefault(e.Id)) is not { } buyer) return null;
        return new GreenBuyer { Share = buyer.Share, MaxPrice = buyer.MaxPrice + settings.Discounts.GetValueOrDefault(e.Id) };
    }

    public IEnumerable<string> Accounts => sellers.Select(s => s.Spec.Id).Concat(buyers.Select(b => b.Spec.Id));

    /// <summary>Each buyer's cash for the year: exactly what its bids could cost, month by month.</summary>
    public IEnumerable<(string Account, decimal Cash)> Deposits =>
        buyers.Select(b => (b.Spec.Id, Enumerable.Range(0, 12).Sum(m => Bid(b, m) is { } o ? (decimal)o.Quantity * (decimal)o.Price : 0m) + 1m));

    public (IReadOnlyList<AccountOrder> Offers, IReadOnlyList<AccountOrder> Bids) Orders(int month) =>
        (sellers.Select(s => Offer(s.Spec, month)).Where(o => o.Quantity > 0).ToList(),
         buyers.Select(b => Bid(b, month)).OfType<AccountOrder>().ToList());

    /// <summary>The month's result for the twins: plants' sold share of their generation, buyers' share of the sold pool.</summary>
    public GreenPowerAward Award(int month, SessionResult session)
    {
        var plantShares = new double[model.GridAssets.Length];
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        var volume = (double)session.Volume;
        foreach (var fill in session.Fills)
        {
            if (fill.Side == OrderSide.Offer)
            {
                var (index, spec) = sellers.First(s => s.Spec.Id == fill.Account);
                plantShares[index] = Math.Min(1, (double)fill.Quantity / ExpectedMWh(spec, month));
            }
            else if (volume > 0) shares[fill.Account] = (double)fill.Quantity / volume;
        }
        return new GreenPowerAward(month, plantShares, shares);
    }

    /// <summary>
    /// Each buyer's whole MWh delivered in a month get their certificates: issued to the plants that sold (largest
    /// remainder on what they sold), pooled, transferred to the buyer and, if claims are recognised, retired for its Scope 2.
    /// </summary>
    public async Task CertifyAsync(IMarketDesk desk, RunBooks books, bool retire, IReadOnlyList<SignedContract> contracts)
    {
        var ledgers = Ledgers(books);
        for (var m = 0; m < 12; m++)
        {
            // From the registry, not from this process: a resumed run certifies the months cleared before it too.
            var ym = new YearMonth(calendar.Year, m + 1);
            var delivered = Delivered(m, ledgers, contracts);
            var total = delivered.Sum(d => d.Certificates);
            if (total == 0) continue;
            // The plants that supplied the month: what they sold in the market and what their contracts expected.
            var session = await desk.GreenSessionAsync(ym);
            var sold = (session?.Fills.Where(f => f.Side == OrderSide.Offer).Select(f => (f.Account, Weight: (double)f.Quantity)) ?? [])
                .Concat(contracts.Select(c => (Account: c.Seller, Weight: c.Twin.Share * ExpectedMWh(model.GridAssets[c.Twin.Plant], m))))
                .GroupBy(w => w.Account, StringComparer.Ordinal).Select(g => (g.Key, Weight: g.Sum(w => w.Weight))).OrderBy(w => w.Key, StringComparer.Ordinal).ToArray();
            var issued = LargestRemainder(sold, total).Where(p => p.Count > 0).ToArray();
            var issues = issued.Select(p => new IssueCertificates($"gec-issue-{ym}-{p.Key}", p.Key, p.Key, ym, p.Count, Tradable: true)).ToList();
            // A tradable certificate changes hands once: straight from the plants to the buyers, plants and buyers in order.
            var transfers = new List<TransferCertificates>();
            var retirements = new List<RetireCertificates>();
            var plant = 0;
            var left = issued.Length > 0 ? issued[0].Count : 0;
            foreach (var (buyer, count) in delivered)
            {
                for (var need = count; need > 0;)
                {
                    var take = Math.Min(need, left);
                    transfers.Add(new TransferCertificates($"gec-transfer-{ym}-{issued[plant].Key}-{buyer}", issued[plant].Key, buyer, take, ym));
                    need -= take;
                    left -= take;
                    if (left == 0 && ++plant < issued.Length) left = issued[plant].Count;
                }
                if (retire) retirements.Add(new RetireCertificates($"gec-retire-{ym}-{buyer}", buyer, count, buyer, RetirementPurpose.Scope2Claim, ym));
            }
            await desk.CertificatesAsync(new CertificateBatch([], issues, transfers, retirements));
        }
    }

    /// <summary>A month's green power as the buyers' books have it: contracted, delivered, and the shortfall bought from the grid.</summary>
    public IEnumerable<(string Metric, double Value)> Delivery(int month, RunBooks books, IReadOnlyList<SignedContract> contracts)
    {
        var ledgers = Ledgers(books);
        var ids = Buyers(contracts);
        var contracted = ids.Sum(id => ledgers[id][month, Metric.GreenContracted]);
        var delivered = ids.Sum(id => ledgers[id][month, Metric.ElectricityGreen]);
        return [("contracted", contracted), ("delivered", delivered), ("shortfall", contracted - delivered)];
    }

    /// <summary>Certificates a month's delivery earns: each buyer's whole MWh.</summary>
    public long Certificates(int month, RunBooks books, IReadOnlyList<SignedContract> contracts) =>
        Delivered(month, Ledgers(books), contracts).Sum(d => d.Certificates);

    /// <summary>Everyone who can take green power: the market's buyers and the contracts' buyers, by id.</summary>
    string[] Buyers(IReadOnlyList<SignedContract> contracts) =>
        buyers.Select(b => b.Spec.Id).Concat(contracts.Select(c => c.Twin.Enterprise)).Distinct().Order(StringComparer.Ordinal).ToArray();

    (string Id, long Certificates)[] Delivered(int month, Dictionary<string, MonthlyLedger> ledgers, IReadOnlyList<SignedContract> contracts) =>
        Buyers(contracts).Select(id => (id, Certificates: (long)Math.Floor(ledgers[id][month, Metric.ElectricityGreen])))
            .Where(d => d.Certificates > 0).ToArray();

    static Dictionary<string, MonthlyLedger> Ledgers(RunBooks books) => books.Enterprises.ToDictionary(e => e.Id, e => e.Ledger, StringComparer.Ordinal);

    AccountOrder Offer(AssetSpec plant, int month)
    {
        var price = settings.OfferPrice * Math.Exp(settings.OfferPriceSpread * Noise.Normal(Noise.Key(model.Settings.Seed, plant.Id), month));
        return new AccountOrder($"{plant.Id}@{month + 1}", plant.Id, Math.Round(settings.OfferShare * ExpectedMWh(plant, month), 3), Math.Round(price, 2));
    }

    AccountOrder? Bid((EnterpriseSpec Spec, GreenBuyer Buyer, double AnnualMWh) buyer, int month)
    {
        var industry = model.Industries[buyer.Spec.Industry];
        var hours = calendar.MonthStartHour[month + 1] - calendar.MonthStartHour[month];
        var expected = buyer.AnnualMWh * industry.MonthlySeason[month] * hours / calendar.Hours;
        var quantity = Math.Round(buyer.Buyer.Share * expected, 3);
        if (quantity <= 0) return null;
        var price = buyer.Buyer.MaxPrice * Math.Exp(settings.BidPriceSpread * Noise.Normal(Noise.Key(model.Settings.Seed, buyer.Spec.Id), month));
        return new AccountOrder($"{buyer.Spec.Id}@{month + 1}", buyer.Spec.Id, quantity, Math.Round(price, 2));
    }

    public double ExpectedMWh(AssetSpec plant, int month)
    {
        var climate = model.Settings.Climate;
        var factor = plant.Kind switch
        {
            AssetKind.Pv => climate.PvMonthlyCapacityFactor[month],
            AssetKind.Wind => climate.WindMonthlyCapacityFactor[month],
            _ => climate.HydroMonthlyCapacityFactor[month] * model.Settings.HydroAvailability[month],
        };
        return plant.CapacityMW * factor * (calendar.MonthStartHour[month + 1] - calendar.MonthStartHour[month]);
    }

    public double ExpectedAnnualMWh(AssetSpec plant) => Enumerable.Range(0, 12).Sum(m => ExpectedMWh(plant, m));

    public static AssetKind KindOf(string name) => name switch
    {
        "wind" => AssetKind.Wind,
        "pv" => AssetKind.Pv,
        "hydro_run_of_river" => AssetKind.HydroRunOfRiver,
        "hydro_reservoir" => AssetKind.HydroReservoir,
        _ => throw new Domain.InputException("greenPower.sellerKinds", $"'{name}' cannot sell green power (wind, pv, hydro_run_of_river, hydro_reservoir)"),
    };

    /// <summary>Splits a whole number by weights: floors first, then the largest remainders (ties by order).</summary>
    static IEnumerable<(string Key, long Count)> LargestRemainder((string Key, double Weight)[] weights, long total)
    {
        var sum = weights.Sum(w => w.Weight);
        var exact = weights.Select(w => total * w.Weight / sum).ToArray();
        var counts = exact.Select(x => (long)Math.Floor(x)).ToArray();
        var left = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take((int)left)) counts[i]++;
        return weights.Select((w, i) => (w.Key, counts[i]));
    }
}
