namespace ParkTwin.Domain.Markets;

/// <summary>An order of a registry account in a session: <paramref name="Id"/> is unique in the session.</summary>
public sealed record AccountOrder(string Id, string Account, double Quantity, double Price);

/// <summary>What one account's order got in a settled session.</summary>
public sealed record SessionFill(string OrderId, string Account, OrderSide Side, double Quantity, double Price);

/// <summary>A settled session: the clearing, and the fills by account.</summary>
public sealed record SessionResult(YearMonth Month, ClearingResult Clearing, IReadOnlyList<SessionFill> Fills);

static class Sessions
{
    /// <summary>Clears account orders with <see cref="CallAuction"/>, refusing bad orders as an operation rejection.</summary>
    public static SessionResult Clear(YearMonth month, PricingRule rule, IReadOnlyList<AccountOrder> offers, IReadOnlyList<AccountOrder> bids)
    {
        Require.Month(month, "month");
        // Bounds keep every payment inside decimal's range.
        foreach (var o in offers.Concat(bids))
            Require.That(!(o.Quantity > 1e15) && !(o.Price > 1e12), $"order {o.Id}: quantity above 1e15 or price above 1e12");
        var book = new OrderBook(rule, offers.Select(o => new Order(o.Id, o.Quantity, o.Price)).ToList(), bids.Select(o => new Order(o.Id, o.Quantity, o.Price)).ToList());
        try { book.Validate(); }
        catch (InputException e) { throw new OperationRejected(e.Message); }
        var clearing = CallAuction.Clear(book);
        var accounts = offers.Concat(bids).ToDictionary(o => o.Id, o => o.Account, StringComparer.Ordinal);
        return new SessionResult(month, clearing, clearing.Fills.Select(f => new SessionFill(f.Id, accounts[f.Id], f.Side, f.Quantity, f.Price)).ToList());
    }

    /// <summary>Money in a fill: exact decimal, from the fill's (finite) double price.</summary>
    public static decimal Value(double quantity, double price) => (decimal)quantity * (decimal)price;
}
