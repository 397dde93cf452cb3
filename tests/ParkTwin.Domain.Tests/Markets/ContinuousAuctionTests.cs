using ParkTwin.Domain.Markets;

namespace ParkTwin.Domain.Tests.Markets;

public sealed class ContinuousAuctionTests
{
    static ArrivingOrder Offer(string id, double q, double p) => new(id, OrderSide.Offer, q, p);
    static ArrivingOrder Bid(string id, double q, double p) => new(id, OrderSide.Bid, q, p);

    [Fact]
    public void Incoming_orders_take_the_best_resting_orders_at_their_prices_and_remainders_rest()
    {
        var result = ContinuousAuction.Run([
            Offer("s1", 10, 50),
            Offer("s2", 5, 45),
            Bid("b1", 12, 52),   // takes s2 5 @ 45 (cheapest first), then s1 7 @ 50
            Bid("b2", 10, 48),   // s1 (3 left @ 50) does not cross: rests
            Offer("s3", 4, 40),  // hits b2: 4 @ 48, the resting bid's price
            Bid("b3", 5, 50),    // takes s1's last 3 @ 50; 2 rest @ 50
            Offer("s4", 6, 47),  // b3 first (50 beats 48): 2 @ 50, then b2: 4 @ 48; b2's last 2 are cancelled at the end
        ]);
        Assert.Equal([
            new Trade("b1", "s2", 5, 45), new Trade("b1", "s1", 7, 50), new Trade("b2", "s3", 4, 48),
            new Trade("b3", "s1", 3, 50), new Trade("b3", "s4", 2, 50), new Trade("b2", "s4", 4, 48),
        ], result.Trades);
        Assert.Equal(25m, result.Volume);
        // 225 + 350 + 192 + 150 + 100 + 192 = 1209 over 25 t.
        Assert.Equal(1209m, result.Value);
        Assert.Equal(48.36m, result.AveragePrice);
        Assert.Equal([
            new OrderFill("s1", OrderSide.Offer, 10, 500), new OrderFill("s2", OrderSide.Offer, 5, 225), new OrderFill("b1", OrderSide.Bid, 12, 575),
            new OrderFill("b2", OrderSide.Bid, 8, 384), new OrderFill("s3", OrderSide.Offer, 4, 192), new OrderFill("b3", OrderSide.Bid, 5, 250),
            new OrderFill("s4", OrderSide.Offer, 6, 292),
        ], result.Fills);
    }

    [Fact]
    public void Equal_prices_trade_by_time_and_nothing_trades_without_a_cross()
    {
        var result = ContinuousAuction.Run([Offer("late-id-a", 3, 40), Offer("early-id-z", 3, 40), Bid("b", 4, 40)]);
        // The first to arrive at 40 fills first, whatever its id.
        Assert.Equal([new Trade("b", "late-id-a", 3, 40), new Trade("b", "early-id-z", 1, 40)], result.Trades);

        var none = ContinuousAuction.Run([Bid("b", 4, 39), Offer("s", 3, 40), Offer("zero", 0, 1)]);
        Assert.Empty(none.Trades);
        Assert.Equal(0m, none.Volume);
        Assert.Null(none.AveragePrice);
    }

    [Fact]
    public void Bad_orders_name_the_field()
    {
        Assert.Contains("orders[1].price", Assert.Throws<InputException>(() => ContinuousAuction.Run([Bid("a", 1, 1), Offer("b", 1, double.NaN)])).Message);
        Assert.Contains("orders[1].id", Assert.Throws<InputException>(() => ContinuousAuction.Run([Bid("a", 1, 1), Offer("a", 1, 1)])).Message);
        Assert.Contains("orders[0].quantity", Assert.Throws<InputException>(() => ContinuousAuction.Run([Bid("a", -1, 1)])).Message);
    }
}
