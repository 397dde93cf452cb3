namespace ParkTwin.Domain.Markets;

/// <summary>An order of a continuous session: its position in the list given to the auction is its arrival order.</summary>
public sealed record ArrivingOrder(string Id, OrderSide Side, double Quantity, double Price);

/// <summary>One match of a continuous session: the incoming order traded with a resting one at the resting order's price.</summary>
public sealed record Trade(string BuyId, string SellId, decimal Quantity, decimal Price);

/// <summary>What one order got over the session: quantity and value (Σ quantity × price of its trades), exact.</summary>
public sealed record OrderFill(string Id, OrderSide Side, decimal Quantity, decimal Value);

/// <summary>
/// The outcome of a continuous session: trades in the order they happened, fills per order (in arrival order),
/// the volume and the volume-weighted average price (null without trade).
/// </summary>
public sealed record ContinuousResult(IReadOnlyList<Trade> Trades, IReadOnlyList<OrderFill> Fills, decimal Volume, decimal? AveragePrice)
{
    public decimal Value => Trades.Sum(t => t.Quantity * t.Price);
}

/// <summary>
/// A continuous double auction (docs/markets.md): orders arrive one at a time; each incoming order trades with the
/// best resting orders of the other side — price priority, then time (arrival), then id — as long as the prices
/// cross; each trade is at the resting order's price; what is left of the incoming order rests in the book. At the
/// end of the session resting orders are cancelled. Pure and deterministic, exact in decimal.
/// </summary>
public static class ContinuousAuction
{
    sealed class Resting(string id, decimal quantity, decimal price, int arrival)
    {
        public string Id { get; } = id;
        public decimal Left { get; set; } = quantity;
        public decimal Price { get; } = price;
        public int Arrival { get; } = arrival;
    }

    /// <summary>Runs the session. Throws <see cref="InputException"/> (field path <c>orders[i].…</c>) for a bad order.</summary>
    public static ContinuousResult Run(IReadOnlyList<ArrivingOrder> orders)
    {
        Validate(orders);
        var restingBids = new List<Resting>();
        var restingOffers = new List<Resting>();
        var trades = new List<Trade>();
        var filled = new Dictionary<string, (decimal Quantity, decimal Value)>(StringComparer.Ordinal);

        void Record(string id, decimal quantity, decimal price)
        {
            var (q, v) = filled.GetValueOrDefault(id);
            filled[id] = (q + quantity, v + quantity * price);
        }

        for (var arrival = 0; arrival < orders.Count; arrival++)
        {
            var order = orders[arrival];
            var left = (decimal)order.Quantity;
            var price = (decimal)order.Price;
            if (left == 0) continue; // a zero-quantity order neither trades nor rests
            var isBid = order.Side == OrderSide.Bid;
            var opposite = isBid ? restingOffers : restingBids;
            while (left > 0 && Best(opposite, bestIsLowest: isBid) is { } best && (isBid ? best.Price <= price : best.Price >= price))
            {
                var quantity = Math.Min(left, best.Left);
                left -= quantity;
                best.Left -= quantity;
                if (best.Left == 0) opposite.Remove(best);
                trades.Add(isBid ? new Trade(order.Id, best.Id, quantity, best.Price) : new Trade(best.Id, order.Id, quantity, best.Price));
                Record(order.Id, quantity, best.Price);
                Record(best.Id, quantity, best.Price);
            }
            if (left > 0) (isBid ? restingBids : restingOffers).Add(new Resting(order.Id, left, price, arrival));
        }

        var volume = trades.Sum(t => t.Quantity);
        var fills = orders.Where(o => filled.ContainsKey(o.Id))
            .Select(o => new OrderFill(o.Id, o.Side, filled[o.Id].Quantity, filled[o.Id].Value)).ToList();
        decimal? average = volume > 0 ? trades.Sum(t => t.Quantity * t.Price) / volume : null;
        return new ContinuousResult(trades, fills, volume, average);
    }

    /// <summary>The best resting order: the lowest offer or the highest bid, then the earliest arrival, then the id.</summary>
    static Resting? Best(List<Resting> book, bool bestIsLowest)
    {
        Resting? best = null;
        foreach (var r in book)
        {
            if (best is null) { best = r; continue; }
            var byPrice = bestIsLowest ? r.Price.CompareTo(best.Price) : best.Price.CompareTo(r.Price);
            if (byPrice < 0 || byPrice == 0 && (r.Arrival < best.Arrival || r.Arrival == best.Arrival && string.CompareOrdinal(r.Id, best.Id) < 0)) best = r;
        }
        return best;
    }

    static void Validate(IReadOnlyList<ArrivingOrder> orders)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < orders.Count; i++)
        {
            var path = $"orders[{i}]";
            var order = orders[i];
            if (string.IsNullOrEmpty(order.Id)) throw new InputException($"{path}.id", "required, a non-empty string");
            if (!ids.TryAdd(order.Id, i)) throw new InputException($"{path}.id", $"duplicate id '{order.Id}' (also orders[{ids[order.Id]}])");
            if (!Enum.IsDefined(order.Side)) throw new InputException($"{path}.side", $"unknown side {order.Side}");
            Check(order.Quantity, $"{path}.quantity", OrderBook.MaxQuantity);
            Check(order.Price, $"{path}.price", OrderBook.MaxPrice);
        }
    }

    static void Check(double value, string path, double max)
    {
        if (!double.IsFinite(value)) throw new InputException(path, "must be a finite number");
        if (value < 0) throw new InputException(path, $"must not be negative (got {value})");
        if (value > max) throw new InputException(path, $"must not exceed {max:G} (got {value})");
    }
}
