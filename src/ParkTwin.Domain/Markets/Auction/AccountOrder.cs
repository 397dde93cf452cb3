namespace ParkTwin.Domain.Markets;

/// <summary>An order of a registry account in a session: <paramref name="Id"/> is unique in the session.</summary>
public sealed record AccountOrder(string Id, string Account, double Quantity, double Price);

/// <summary>What one account's order got in a settled session (exact decimal quantities and prices).</summary>
public sealed record SessionFill(string OrderId, string Account, OrderSide Side, decimal Quantity, decimal Price);

/// <summary>A settled session: its uniform price (null under pay-as-bid or without trade), volume and fills by account.</summary>
public sealed record SessionResult(YearMonth Month, PricingRule Rule, decimal? Price, decimal Volume, IReadOnlyList<SessionFill> Fills);

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

    /// <summary>The most an order can cost its account: quantity × its own price, as the auction converts them.</summary>
    public static decimal Cover(AccountOrder order) => (decimal)order.Quantity * (decimal)order.Price;
}
