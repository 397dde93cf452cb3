using ParkTwin.Domain;
using ParkTwin.Domain.Markets;

namespace ParkTwin.Domain.Tests.Markets;

/// <summary>Hand-worked order books; each comment gives the curves and why the answer is what it is.</summary>
public sealed class CallAuctionTests
{
    static Order O(string id, double q, double p) => new(id, q, p);

    static ClearingResult Clear(PricingRule rule, Order[] offers, Order[] bids) => CallAuction.Clear(new OrderBook(rule, offers, bids));

    static double FillOf(ClearingResult r, string id) => r.Fills.SingleOrDefault(f => f.Id == id)?.Quantity ?? 0;

    [Fact]
    public void Single_order_each_side_trades_the_smaller_quantity_at_the_flat_segments_price()
    {
        // Supply 100 @ 40, demand 60 @ 50: demand is exhausted inside the offer, so the offer is marginal (flat
        // supply segment at 40): price 40, volume 60.
        var r = Clear(PricingRule.PayAsClear, [O("s", 100, 40)], [O("b", 60, 50)]);
        Assert.Equal(40, r.Price);
        Assert.Equal(60, r.Volume);
        Assert.Equal([new Fill("s", OrderSide.Offer, 60, 40), new Fill("b", OrderSide.Bid, 60, 40)], r.Fills);
    }

    [Fact]
    public void Equal_quantities_meet_on_a_vertical_segment_priced_at_the_midpoint()
    {
        // 100 @ 40 against 100 @ 50: both fully accepted, nothing rejected; any price in [40, 50] clears 100.
        var r = Clear(PricingRule.PayAsClear, [O("s", 100, 40)], [O("b", 100, 50)]);
        Assert.Equal(45, r.Price);
        Assert.Equal(100, r.Volume);
    }

    [Fact]
    public void Vertical_segment_is_bounded_by_the_first_rejected_orders()
    {
        // Accepted: s1 100 @ 40, b1 100 @ 70. Rejected: s2 @ 60 and b2 @ 50. Prices that clear 100 without a
        // rejected order wanting to trade: [max(40, 50), min(70, 60)] = [50, 60] → 55.
        var r = Clear(PricingRule.PayAsClear, [O("s1", 100, 40), O("s2", 100, 60)], [O("b1", 100, 70), O("b2", 50, 50)]);
        Assert.Equal(55, r.Price);
        Assert.Equal(100, r.Volume);
        Assert.Equal(0, FillOf(r, "s2"));
        Assert.Equal(0, FillOf(r, "b2"));
    }

    [Fact]
    public void Flat_demand_segment_sets_the_price_and_largest_volume()
    {
        // Supply 30 @ 10 + 30 @ 20; demand 100 @ 25 (flat at 25 beyond 60). Max volume 60, the bid is marginal
        // (partly filled), so the price is its price: 25.
        var r = Clear(PricingRule.PayAsClear, [O("s1", 30, 10), O("s2", 30, 20)], [O("b", 100, 25)]);
        Assert.Equal(25, r.Price);
        Assert.Equal(60, r.Volume);
        Assert.Equal(60, FillOf(r, "b"));
    }

    [Fact]
    public void Tied_marginal_offers_are_filled_by_submission_order_not_pro_rata()
    {
        // Two offers at 50 (flat supply at 50 for 200), demand 120 @ 55: volume 120 at 50. Submission order:
        // 'late-but-a' was submitted second, so 'first-z' is filled fully first although its id sorts later.
        var r = Clear(PricingRule.PayAsClear, [O("first-z", 100, 50), O("late-but-a", 100, 50)], [O("b", 120, 55)]);
        Assert.Equal(50, r.Price);
        Assert.Equal(120, r.Volume);
        Assert.Equal(100, FillOf(r, "first-z"));
        Assert.Equal(20, FillOf(r, "late-but-a"));
    }

    [Fact]
    public void Tied_bids_are_filled_by_submission_order()
    {
        var r = Clear(PricingRule.PayAsClear, [O("s", 50, 30)], [O("b1", 40, 35), O("b2", 40, 35), O("b0", 40, 20)]);
        Assert.Equal(50, r.Volume);
        Assert.Equal(40, FillOf(r, "b1"));
        Assert.Equal(10, FillOf(r, "b2"));
        // b2 is marginal (flat demand at 35) → price 35.
        Assert.Equal(35, r.Price);
    }

    [Fact]
    public void Volume_is_the_largest_possible_even_when_the_cheapest_offer_is_large()
    {
        // Supply 10 @ 5, 10 @ 8; demand 15 @ 10, 5 @ 7. At any price ≤ 7 only 10 is offered; at [7, 8) demand
        // is 20 but supply 10; at 8, supply 20 and demand 15: the most that can trade is 15.
        var r = Clear(PricingRule.PayAsClear, [O("s1", 10, 5), O("s2", 10, 8)], [O("b1", 15, 10), O("b2", 5, 7)]);
        Assert.Equal(15, r.Volume);
        // s2 partly filled → flat supply at 8; b2 (rejected, 7) is below it: price 8.
        Assert.Equal(8, r.Price);
    }

    [Fact]
    public void No_overlap_gives_zero_volume_and_no_price()
    {
        var r = Clear(PricingRule.PayAsClear, [O("s", 100, 60)], [O("b", 100, 50)]);
        Assert.Null(r.Price);
        Assert.Equal(0, r.Volume);
        Assert.Empty(r.Fills);
        Assert.Equal(ClearingResult.NoTrade, Clear(PricingRule.PayAsBid, [O("s", 100, 60)], [O("b", 100, 50)]));
    }

    [Fact]
    public void Empty_sides_and_zero_quantities_do_not_trade()
    {
        Assert.Equal(0, Clear(PricingRule.PayAsClear, [], [O("b", 10, 50)]).Volume);
        Assert.Equal(0, Clear(PricingRule.PayAsClear, [O("s", 0, 1)], [O("b", 10, 50)]).Volume);
    }

    [Fact]
    public void Touching_prices_trade_at_that_price()
    {
        var r = Clear(PricingRule.PayAsClear, [O("s", 10, 50)], [O("b", 10, 50)]);
        Assert.Equal(50, r.Price);
        Assert.Equal(10, r.Volume);
    }

    [Fact]
    public void Pay_as_bid_accepts_the_same_orders_and_each_pays_or_receives_its_own_price()
    {
        var offers = new[] { O("s1", 100, 40), O("s2", 100, 60) };
        var bids = new[] { O("b1", 80, 70), O("b2", 50, 65) };
        var clear = Clear(PricingRule.PayAsClear, offers, bids);
        var bid = Clear(PricingRule.PayAsBid, offers, bids);
        Assert.Equal(clear.Volume, bid.Volume);
        Assert.Equal(130, bid.Volume);
        Assert.Null(bid.Price);
        Assert.Equal(
            [new Fill("s1", OrderSide.Offer, 100, 40), new Fill("s2", OrderSide.Offer, 30, 60), new Fill("b1", OrderSide.Bid, 80, 70), new Fill("b2", OrderSide.Bid, 50, 65)],
            bid.Fills);
        // Buyers pay 80×70 + 50×65 = 8850; sellers receive 100×40 + 30×60 = 5800; the auctioneer keeps 3050.
        Assert.Equal(3050, bid.AuctioneerSurplus);
        Assert.Equal(60, clear.Price); // s2 is marginal
        Assert.Equal(0, clear.AuctioneerSurplus);
    }

    [Fact]
    public void Fills_balance_both_sides_and_respect_limits()
    {
        var offers = new[] { O("s1", 7, 3), O("s2", 5, 9), O("s3", 11, 4), O("s4", 2, 4) };
        var bids = new[] { O("b1", 6, 8), O("b2", 9, 4), O("b3", 4, 12), O("b4", 3, 2) };
        var r = Clear(PricingRule.PayAsClear, offers, bids);
        Assert.Equal(r.Volume, r.Fills.Where(f => f.Side == OrderSide.Offer).Sum(f => f.Quantity));
        Assert.Equal(r.Volume, r.Fills.Where(f => f.Side == OrderSide.Bid).Sum(f => f.Quantity));
        foreach (var f in r.Fills.Where(f => f.Side == OrderSide.Offer)) Assert.True(offers.Single(o => o.Id == f.Id).Price <= r.Price);
        foreach (var f in r.Fills.Where(f => f.Side == OrderSide.Bid)) Assert.True(bids.Single(o => o.Id == f.Id).Price >= r.Price);
        // Demand at ≥ 4: 4 + 6 + 9 = 19; supply at ≤ 4: 7 + 11 + 2 = 20, so 19 trade. Merit order s1 (3), s3 (4),
        // s4 (4, submitted after s3): 7 + 11 + 1. s4 is marginal (flat supply at 4): price 4.
        Assert.Equal(19, r.Volume);
        Assert.Equal(1, FillOf(r, "s4"));
        Assert.Equal(4, r.Price);
    }

    [Theory]
    [InlineData(-1, 10, "offers[0].quantity")]
    [InlineData(1, -10, "offers[0].price")]
    [InlineData(double.NaN, 10, "offers[0].quantity")]
    [InlineData(1, double.PositiveInfinity, "offers[0].price")]
    public void Bad_orders_are_rejected_with_their_path(double quantity, double price, string path)
    {
        var e = Assert.Throws<InputException>(() => Clear(PricingRule.PayAsClear, [O("s", quantity, price)], []));
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void Duplicate_ids_across_sides_are_rejected()
    {
        var e = Assert.Throws<InputException>(() => Clear(PricingRule.PayAsClear, [O("x", 1, 1)], [O("x", 1, 1)]));
        Assert.Equal("bids[0].id", e.Path);
    }

    [Fact]
    public void Parser_names_the_field_path_of_bad_input()
    {
        Assert.Equal("offers[1].price", Assert.Throws<InputException>(() => OrderBookParser.Parse(
            """{ "rule": "pay-as-bid", "offers": [ {"id":"a","quantity":1,"price":1}, {"id":"b","quantity":1,"price":-2} ], "bids": [] }""")).Path);
        Assert.Equal("rule", Assert.Throws<InputException>(() => OrderBookParser.Parse("""{ "rule": "dutch", "offers": [], "bids": [] }""")).Path);
        Assert.Equal("bids[0].id", Assert.Throws<InputException>(() => OrderBookParser.Parse(
            """{ "rule": "pay-as-clear", "offers": [], "bids": [ {"quantity":1,"price":1} ] }""")).Path);
        Assert.Equal("$", Assert.Throws<InputException>(() => OrderBookParser.Parse("{ nope")).Path);
    }
}
