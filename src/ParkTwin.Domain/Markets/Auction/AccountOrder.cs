namespace ParkTwin.Domain.Markets;

/// <summary>An order of a registry account in a session: <paramref name="Id"/> is unique in the session.</summary>
public sealed record AccountOrder(string Id, string Account, double Quantity, double Price);

/// <summary>What one account's order got in a settled session (exact decimal quantities and prices).</summary>
public sealed record SessionFill(string OrderId, string Account, OrderSide Side, decimal Quantity, decimal Price);

/// <summary>An order of a registry account in a continuous session; its position in the list is its arrival order.</summary>
public sealed record ContinuousOrder(string Id, string Account, OrderSide Side, double Quantity, double Price);

public enum SessionMechanism { CallAuction, Continuous }

/// <summary>
/// A settled session: its price (call auction: the uniform price, null under pay-as-bid; continuous: the
/// volume-weighted average price, rounded to 6 decimals), volume and fills by account (continuous: one fill per
/// side of each trade, so an order may have several). Null price without trade.
/// </summary>
public sealed record SessionResult(YearMonth Month, PricingRule Rule, decimal? Price, decimal Volume, IReadOnlyList<SessionFill> Fills,
    SessionMechanism Mechanism = SessionMechanism.CallAuction);

static class Sessions
{
    /// <summary>Clears account orders with <see cref="CallAuction"/>, refusing bad orders as an operation rejection.</summary>
    public static SessionResult Clear(YearMonth month, PricingRule rule, IReadOnlyList<AccountOrder> offers, IReadOnlyList<AccountOrder> bids)
    {
        Require.Month(month, "month");
        var book = new OrderBook(rule, offers.Select(o => new Order(o.Id, o.Quantity, o.Price)).ToList(), bids.Select(o => new Order(o.Id, o.Quantity, o.Price)).ToList());
        try { book.Validate(); }
        catch (InputException e) { throw new OperationRejected(e.Message); }
        var clearing = CallAuction.ClearExact(book);
        var accounts = offers.Concat(bids).ToDictionary(o => o.Id, o => o.Account, StringComparer.Ordinal);
        return new SessionResult(month, rule, clearing.Price, clearing.Volume,
            clearing.Fills.Select(f => new SessionFill(f.Id, accounts[f.Id], f.Side, f.Quantity, f.Price)).ToList());
    }

    /// <summary>Runs a continuous session of account orders, refusing bad orders as an operation rejection.</summary>
    public static SessionResult RunContinuous(YearMonth month, IReadOnlyList<ContinuousOrder> orders)
    {
        Require.Month(month, "month");
        ContinuousResult result;
        try { result = ContinuousAuction.Run(orders.Select(o => new ArrivingOrder(o.Id, o.Side, o.Quantity, o.Price)).ToList()); }
        catch (InputException e) { throw new OperationRejected(e.Message); }
        var accounts = orders.ToDictionary(o => o.Id, o => o.Account, StringComparer.Ordinal);
        var fills = result.Trades.SelectMany(t => new[]
        {
            new SessionFill(t.SellId, accounts[t.SellId], OrderSide.Offer, t.Quantity, t.Price),
            new SessionFill(t.BuyId, accounts[t.BuyId], OrderSide.Bid, t.Quantity, t.Price),
        }).ToList();
        var price = result.AveragePrice is { } p ? Math.Round(p, 6) : (decimal?)null;
        return new SessionResult(month, PricingRule.PayAsClear, price, result.Volume, fills, SessionMechanism.Continuous);
    }

    /// <summary>The most an order can cost its account: quantity × its own price, as the auction converts them.</summary>
    public static decimal Cover(AccountOrder order) => (decimal)order.Quantity * (decimal)order.Price;
}
