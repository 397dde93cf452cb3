namespace ParkTwin.Domain.Markets;

/// <summary>
/// A sealed-bid call auction (docs/markets.md). Every session trades the largest possible volume; orders are
/// accepted in merit order — offers by ascending price, bids by descending price, ties by submission order, then
/// id — so the marginal order on a flat segment is filled partly, by time priority. Pure and deterministic.
/// </summary>
public static class CallAuction
{
    public static ClearingResult Clear(OrderBook book)
    {
        book.Validate();
        var offers = MeritOrder(book.Offers, ascending: true);
        var bids = MeritOrder(book.Bids, ascending: false);
        var offerFill = new double[offers.Length];
        var bidFill = new double[bids.Length];

        // Walk the two step curves from the cheap-supply / eager-demand end while they still overlap:
        // each step exhausts at least one order, so the matched volume is the largest tradable.
        int i = 0, j = 0;
        double volume = 0;
        while (i < offers.Length && j < bids.Length && offers[i].Order.Price <= bids[j].Order.Price)
        {
            var leftOffer = offers[i].Order.Quantity - offerFill[i];
            var leftBid = bids[j].Order.Quantity - bidFill[j];
            var traded = Math.Min(leftOffer, leftBid);
            offerFill[i] += traded;
            bidFill[j] += traded;
            volume += traded;
            // Compare remainders rather than re-summing fills, so an exhausted order is never revisited.
            if (leftOffer <= leftBid) i++;
            if (leftBid <= leftOffer) j++;
        }
        if (volume <= 0) return ClearingResult.NoTrade;

        var fills = new List<Fill>();
        if (book.Rule == PricingRule.PayAsClear)
        {
            var price = UniformPrice(offers, offerFill, bids, bidFill);
            AddFills(fills, offers, offerFill, OrderSide.Offer, _ => price);
            AddFills(fills, bids, bidFill, OrderSide.Bid, _ => price);
            return new ClearingResult(price, volume, fills, 0);
        }
        AddFills(fills, offers, offerFill, OrderSide.Offer, o => o.Price);
        AddFills(fills, bids, bidFill, OrderSide.Bid, o => o.Price);
        var surplus = fills.Sum(f => f.Side == OrderSide.Bid ? f.Quantity * f.Price : -f.Quantity * f.Price);
        return new ClearingResult(null, volume, fills, surplus);
    }

    /// <summary>
    /// The midpoint of the interval of prices that support the allocation: no lower than the dearest accepted
    /// offer or the first bid left (partly) unfilled, no higher than the cheapest accepted bid or the first offer
    /// left (partly) unfilled. On a flat segment the interval is one point (the marginal order's price); on a
    /// vertical segment it is the gap between the marginal accepted and the first rejected orders.
    /// </summary>
    static double UniformPrice((Order Order, int Index)[] offers, double[] offerFill, (Order Order, int Index)[] bids, double[] bidFill)
    {
        double lastOffer = 0, lastBid = 0;
        double? nextOffer = null, nextBid = null;
        for (var i = 0; i < offers.Length; i++)
        {
            if (offerFill[i] > 0) lastOffer = offers[i].Order.Price;
            if (offerFill[i] < offers[i].Order.Quantity) { nextOffer = offers[i].Order.Price; break; }
        }
        for (var j = 0; j < bids.Length; j++)
        {
            if (bidFill[j] > 0) lastBid = bids[j].Order.Price;
            if (bidFill[j] < bids[j].Order.Quantity) { nextBid = bids[j].Order.Price; break; }
        }
        var low = Math.Max(lastOffer, nextBid ?? double.NegativeInfinity);
        var high = Math.Min(lastBid, nextOffer ?? double.PositiveInfinity);
        return low == high ? low : low + (high - low) / 2;
    }

    static (Order Order, int Index)[] MeritOrder(IReadOnlyList<Order> orders, bool ascending) =>
        orders.Select((o, index) => (Order: o, Index: index))
            // Zero-quantity orders are not on the curves: they neither trade nor set the price.
            .Where(x => x.Order.Quantity > 0)
            .OrderBy(x => ascending ? x.Order.Price : -x.Order.Price)
            .ThenBy(x => x.Index)
            .ThenBy(x => x.Order.Id, StringComparer.Ordinal)
            .ToArray();

    static void AddFills(List<Fill> fills, (Order Order, int Index)[] orders, double[] filled, OrderSide side, Func<Order, double> price)
    {
        for (var i = 0; i < orders.Length; i++)
            if (filled[i] > 0) fills.Add(new Fill(orders[i].Order.Id, side, filled[i], price(orders[i].Order)));
    }
}
