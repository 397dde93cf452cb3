namespace ParkTwin.Domain.Markets;

public enum OrderSide { Offer, Bid }

/// <summary>
/// How accepted orders are paid. <see cref="PayAsClear"/>: one uniform price for every fill.
/// <see cref="PayAsBid"/>: each accepted bid pays its own price and each accepted offer receives its own price;
/// the difference is the auctioneer's surplus.
/// </summary>
public enum PricingRule { PayAsClear, PayAsBid }

/// <summary>
/// A sell offer or a buy bid: up to <paramref name="Quantity"/> units at a price no worse than <paramref name="Price"/>
/// (an offer sells at or above it, a bid buys at or below it). Quantity and price are finite and non-negative.
/// </summary>
public sealed record Order(string Id, double Quantity, double Price);

/// <summary>
/// The orders of one call-auction session. The position of an order in its list is its submission order, which
/// breaks price ties (time priority).
/// </summary>
public sealed record OrderBook(PricingRule Rule, IReadOnlyList<Order> Offers, IReadOnlyList<Order> Bids)
{
    /// <summary>Throws <see cref="InputException"/> naming the field (e.g. <c>offers[2].price</c>) if an order is bad.</summary>
    public void Validate()
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        Check(Offers, "offers", ids);
        Check(Bids, "bids", ids);
    }

    static void Check(IReadOnlyList<Order> orders, string list, Dictionary<string, string> ids)
    {
        for (var i = 0; i < orders.Count; i++)
        {
            var path = $"{list}[{i}]";
            var order = orders[i];
            if (string.IsNullOrEmpty(order.Id)) throw new InputException($"{path}.id", "required, a non-empty string");
            // Ids are unique across both sides: a fill is reported by id alone.
            if (!ids.TryAdd(order.Id, $"{path}.id")) throw new InputException($"{path}.id", $"duplicate id '{order.Id}' (also {ids[order.Id]})");
            CheckAmount(order.Quantity, $"{path}.quantity", MaxQuantity);
            CheckAmount(order.Price, $"{path}.price", MaxPrice);
        }
    }

    /// <summary>Bounds far beyond any market, so that every sum and payment is exact in decimal arithmetic.</summary>
    public const double MaxQuantity = 1e15, MaxPrice = 1e12;

    static void CheckAmount(double value, string path, double max)
    {
        if (!double.IsFinite(value)) throw new InputException(path, "must be a finite number");
        if (value < 0) throw new InputException(path, $"must not be negative (got {value})");
        if (value > max) throw new InputException(path, $"must not exceed {max:G} (got {value})");
    }
}

/// <summary>What one order got: <paramref name="Price"/> is the uniform price (pay-as-clear) or the order's own price (pay-as-bid).</summary>
public sealed record Fill(string Id, OrderSide Side, double Quantity, double Price);

/// <summary>
/// The outcome of a session. <see cref="Price"/> is the uniform clearing price under pay-as-clear, and null when
/// nothing trades or under pay-as-bid (each fill then carries its own price). <see cref="AuctioneerSurplus"/> is
/// what buyers pay minus what sellers receive: 0 under pay-as-clear.
/// </summary>
public sealed record ClearingResult(double? Price, double Volume, IReadOnlyList<Fill> Fills, double AuctioneerSurplus)
{
    public static readonly ClearingResult NoTrade = new(null, 0, [], 0);
}

/// <summary>A fill in exact decimal arithmetic: what the registries settle, so both sides balance to the last digit.</summary>
public sealed record ExactFill(string Id, OrderSide Side, decimal Quantity, decimal Price);

/// <summary>
/// <see cref="ClearingResult"/> in decimal: the auction converts each order's quantity and price to decimal once
/// (15 significant digits) and clears in decimal, so Σ offer fills = Σ bid fills = volume exactly.
/// </summary>
public sealed record ExactClearing(decimal? Price, decimal Volume, IReadOnlyList<ExactFill> Fills, decimal AuctioneerSurplus);
