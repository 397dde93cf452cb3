using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ParkTwin.Domain.Markets;

namespace ParkTwin.Domain.Tests.Markets;

public static class OrderBookGenerators
{
    // Few distinct prices, so ties and flat segments are common.
    static Gen<List<Order>> Side(string prefix) =>
        (from q in Gen.Choose(0, 50) from p in Gen.Choose(0, 12) select (q, p)).ListOf()
            .Select(l => l.Select((o, i) => new Order($"{prefix}{i}", o.q, o.p * 5)).ToList());

    public static Arbitrary<OrderBook> Book() =>
        (from rule in Gen.Elements(PricingRule.PayAsClear, PricingRule.PayAsBid) from offers in Side("s") from bids in Side("b")
            select new OrderBook(rule, offers, bids)).ToArbitrary();
}

/// <summary>The auction against a brute force over random books with many ties.</summary>
[Properties(Arbitrary = [typeof(OrderBookGenerators)], MaxTest = 300)]
public sealed class CallAuctionProperties
{
    [Property]
    public void Volume_is_the_largest_tradable_and_fills_balance(OrderBook book)
    {
        var r = CallAuction.ClearExact(book);
        // Largest tradable volume of two step curves: max over prices p of min(supply at ≤ p, demand at ≥ p).
        var prices = book.Offers.Concat(book.Bids).Select(o => o.Price).Distinct();
        var best = prices.Select(p => Math.Min(book.Offers.Where(o => o.Price <= p).Sum(o => o.Quantity), book.Bids.Where(b => b.Price >= p).Sum(b => b.Quantity)))
            .DefaultIfEmpty(0).Max();
        Assert.Equal((decimal)best, r.Volume);
        Assert.Equal(r.Volume, r.Fills.Where(f => f.Side == OrderSide.Offer).Sum(f => f.Quantity));
        Assert.Equal(r.Volume, r.Fills.Where(f => f.Side == OrderSide.Bid).Sum(f => f.Quantity));
        var orders = book.Offers.Concat(book.Bids).ToDictionary(o => o.Id);
        foreach (var f in r.Fills) Assert.True(f.Quantity > 0 && f.Quantity <= (decimal)orders[f.Id].Quantity);
        Assert.Equal(r.Volume == 0, r.Price is null && r.Fills.Count == 0);
    }

    [Property]
    public void Uniform_price_supports_the_allocation(OrderBook book)
    {
        var r = CallAuction.ClearExact(book with { Rule = PricingRule.PayAsClear });
        if (r.Price is not { } p) return;
        var filled = r.Fills.ToDictionary(f => f.Id, f => f.Quantity);
        foreach (var o in book.Offers.Where(o => o.Quantity > 0))
        {
            var q = filled.GetValueOrDefault(o.Id);
            if (q > 0) Assert.True((decimal)o.Price <= p, $"offer {o.Id} @ {o.Price} filled at {p}");
            if ((decimal)o.Price < p) Assert.True(q == (decimal)o.Quantity, $"offer {o.Id} @ {o.Price} below {p} not fully filled");
        }
        foreach (var b in book.Bids.Where(b => b.Quantity > 0))
        {
            var q = filled.GetValueOrDefault(b.Id);
            if (q > 0) Assert.True((decimal)b.Price >= p, $"bid {b.Id} @ {b.Price} filled at {p}");
            if ((decimal)b.Price > p) Assert.True(q == (decimal)b.Quantity, $"bid {b.Id} @ {b.Price} above {p} not fully filled");
        }
    }

    [Property]
    public void Pay_as_bid_fills_the_same_orders_and_the_surplus_is_never_negative(OrderBook book)
    {
        var clear = CallAuction.ClearExact(book with { Rule = PricingRule.PayAsClear });
        var bid = CallAuction.ClearExact(book with { Rule = PricingRule.PayAsBid });
        Assert.Equal(clear.Fills.Select(f => (f.Id, f.Quantity)), bid.Fills.Select(f => (f.Id, f.Quantity)));
        Assert.True(bid.AuctioneerSurplus >= 0);
        Assert.Null(bid.Price);
    }
}
