namespace ParkTwin.Domain.Markets;

/// <summary>
/// A sealed-bid call auction (docs/markets.md). Every session trades the largest possible volume; orders are
/// accepted in merit order — offers by ascending price, bids by descending price, ties by submission order, then
/// id — so the marginal order on a flat segment is filled partly, by time priority. Pure and deterministic.
/// </summary>
public static class CallAuction
{
    /// <summary>Clears the book (see <see cref="ClearExact"/>) and reports in doubles, for display and the CLI.</summary>
    public static ClearingResult Clear(OrderBook book)
    {
        var exact = ClearExact(book);
        if (exact.Volume == 0) return ClearingResult.NoTrade;
        return new ClearingResult((double?)exact.Price, (double)exact.Volume,
            exact.Fills.Select(f => new Fill(f.Id, f.Side, (double)f.Quantity, (double)f.Price)).ToList(), (double)exact.AuctioneerSurplus);
    }

    /// <summary>Clears the book in decimal arithmetic. Throws <see cref="InputException"/> for a bad order.</summary>
    public static ExactClearing ClearExact(OrderBook book)
    {
        book.Validate();
        var offers = MeritOrder(book.Offers, ascending: true);
        var bids = MeritOrder(book.Bids, ascending: false);
        var offerFill = new decimal[offers.Length];
        var bidFill = new decimal[bids.Length];

        // Walk the two step curves from the cheap-supply / eager-demand end while they still overlap:
        // each step exhausts at least one order, so the matched volume is the largest tradable.
        int i = 0, j = 0;
        decimal volume = 0;
        while (i < offers.Length && j < bids.Length && offers[i].Price <= bids[j].Price)
        {
            var leftOffer = offers[i].Quantity - offerFill[i];
            var leftBid = bids[j].Quantity - bidFill[j];
            var traded = Math.Min(leftOffer, leftBid);
            offerFill[i] += traded;
            bidFill[j] += traded;
            volume += traded;
            if (leftOffer <= leftBid) i++;
            if (leftBid <= leftOffer) j++;
        }
        if (volume == 0) return new ExactClearing(null, 0, [], 0);

        var fills = new List<ExactFill>();
        if (book.Rule == PricingRule.PayAsClear)
        {
            var price = UniformPrice(offers, offerFill, bids, bidFill);
            AddFills(fills, offers, offerFill, OrderSide.Offer, _ => price);
            AddFills(fills, bids, bidFill, OrderSide.Bid, _ => price);
            return new ExactClearing(price, volume, fills, 0);
        }
        AddFills(fills, offers, offerFill, OrderSide.Offer, o => o.Price);
        AddFills(fills, bids, bidFill, OrderSide.Bid, o => o.Price);
        var surplus = fills.Sum(f => f.Side == OrderSide.Bid ? f.Quantity * f.Price : -f.Quantity * f.Price);
        return new ExactClearing(null, volume, fills, surplus);
    }

    /// <summary>
    /// The midpoint of the interval of prices that support the allocation: no lower than the dearest accepted
    /// offer or the first bid left (partly) unfilled, no higher than the cheapest accepted bid or the first offer
    /// left (partly) unfilled. On a flat segment the interval is one point (the marginal order's price); on a
    /// vertical segment it is the gap between the marginal accepted and the first rejected orders.
    /// </summary>
    static decimal UniformPrice(Priced[] offers, decimal[] offerFill, Priced[] bids, decimal[] bidFill)
    {
        decimal lastOffer = 0, lastBid = 0;
        decimal? nextOffer = null, nextBid = null;
        for (var i = 0; i < offers.Length; i++)
        {
            if (offerFill[i] > 0) lastOffer = offers[i].Price;
            if (offerFill[i] < offers[i].Quantity) { nextOffer = offers[i].Price; break; }
        }
        for (var j = 0; j < bids.Length; j++)
        {
            if (bidFill[j] > 0) lastBid = bids[j].Price;
            if (bidFill[j] < bids[j].Quantity) { nextBid = bids[j].Price; break; }
        }
        var low = nextBid is { } nb ? Math.Max(lastOffer, nb) : lastOffer;
        var high = nextOffer is { } no ? Math.Min(lastBid, no) : lastBid;
        return (low + high) / 2;
    }

    /// <summary>An order on a curve, in decimal; <see cref="Index"/> is its submission order.</summary>
    readonly record struct Priced(string Id, decimal Quantity, decimal Price, int Index);

    static Priced[] MeritOrder(IReadOnlyList<Order> orders, bool ascending) =>
        orders.Select((o, index) => new Priced(o.Id, (decimal)o.Quantity, (decimal)o.Price, index))
            // Zero-quantity orders are not on the curves: they neither trade nor set the price.
            .Where(x => x.Quantity > 0)
            .OrderBy(x => ascending ? x.Price : -x.Price)
            .ThenBy(x => x.Index)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToArray();

    static void AddFills(List<ExactFill> fills, Priced[] orders, decimal[] filled, OrderSide side, Func<Priced, decimal> price)
    {
        for (var i = 0; i < orders.Length; i++)
            if (filled[i] > 0) fills.Add(new ExactFill(orders[i].Id, side, filled[i], price(orders[i])));
    }
}
