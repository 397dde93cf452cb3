using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkTwin.Domain.Markets;

/// <summary>The JSON of a cleared session: <c>{ "price", "volume", "fills": [ { "id", "side", "quantity", "price" } ] }</c>.</summary>
public static class ClearingJson
{
    public static string Write(ClearingResult result)
    {
        var fills = new JsonArray();
        foreach (var fill in result.Fills)
            fills.Add(new JsonObject
            {
                ["id"] = fill.Id,
                ["side"] = fill.Side == OrderSide.Offer ? "offer" : "bid",
                ["quantity"] = fill.Quantity,
                ["price"] = fill.Price,
            });
        var root = new JsonObject { ["price"] = result.Price, ["volume"] = result.Volume, ["fills"] = fills };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
