namespace ParkTwin.Domain.Markets;

/// <summary>
/// A carbon session's price floor and ceiling (docs/markets.md, "Price floor and ceiling"). Orders are bounded:
/// a bid below the floor and an offer above the ceiling cannot trade and are left out; an offer below the floor is
/// raised to it and a bid above the ceiling lowered to it (their owners accept those prices). Then the reserve
/// takes part, after every account's order (accounts have time priority at the same price): it bids at the floor
/// for what its cash buys and offers everything it holds at the ceiling. Every admissible price lies in
/// [floor, ceiling], so every trade does; allowances and money only move between accounts and the reserve.
/// </summary>
public sealed record PriceBounds(double? Floor, double? Ceiling)
{
    public const string ReserveBidId = "@reserve-floor", ReserveOfferId = "@reserve-ceiling";

    public bool Any => Floor is not null || Ceiling is not null;

    /// <summary>Throws <see cref="OperationRejected"/> unless the bounds are finite, non-negative and floor &lt; ceiling.</summary>
    public void Validate()
    {
        if (Floor is { } f) Require.That(double.IsFinite(f) && f >= 0 && f <= OrderBook.MaxPrice, $"price floor must be a finite non-negative price (got {f})");
        if (Ceiling is { } c) Require.That(double.IsFinite(c) && c > 0 && c <= OrderBook.MaxPrice, $"price ceiling must be a finite positive price (got {c})");
        if (Floor is { } lo && Ceiling is { } hi) Require.That(lo < hi, $"price floor {lo} must be below the ceiling {hi}");
    }

    /// <summary>The bounded price of an order, or null when it cannot trade within the bounds.</summary>
    public double? Bound(OrderSide side, double price)
    {
        if (side == OrderSide.Bid && Floor is { } f && price < f) return null;
        if (side == OrderSide.Offer && Ceiling is { } c && price > c) return null;
        if (Floor is { } lo && price < lo) return lo;
        if (Ceiling is { } hi && price > hi) return hi;
        return price;
    }

    /// <summary>The reserve's standing orders: a bid at the floor for what its cash buys, an offer of all it holds at the ceiling.</summary>
    public IEnumerable<(string Id, OrderSide Side, double Quantity, double Price)> ReserveOrders(AllowanceAccount? reserve)
    {
        if (reserve is null) yield break;
        if (Floor is { } f && f > 0 && Math.Floor(reserve.Cash / (decimal)f) is var buy && buy >= 1)
            yield return (ReserveBidId, OrderSide.Bid, (double)buy, f);
        if (Ceiling is { } c && reserve.Allowances >= 1)
            yield return (ReserveOfferId, OrderSide.Offer, reserve.Allowances, c);
    }
}
