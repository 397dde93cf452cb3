using System.Text.Json;
using ParkTwin.Domain.Inventory;
using ParkTwin.Simulation.Markets;

namespace ParkTwin.Simulation.Policies;

/// <summary>
/// The market side of a year's policies (docs/policies.md): ETS allocation, offsets, what compliance counts and
/// how late certificates reach it, price bounds month by month, green-share mandates and green-power discounts.
/// Yearly levers take the last policy in force during the year; price bounds the last in force in each month.
/// </summary>
public static class MarketPolicies
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static MarketSettings Apply(PolicyYear year, MarketSettings scenario, ProvinceInventory inventory)
    {
        // A copy: the scenario's settings serve every year.
        var settings = JsonSerializer.Deserialize<MarketSettings>(JsonSerializer.Serialize(scenario, Json), Json)!;
        var carbon = settings.Carbon;
        foreach (var p in year.InForce<EtsAllocation>())
        {
            if (p.AllocationFactor is { } factor) carbon.AllocationFactor = factor;
            if (p.AuctionShare is { } share) carbon.AuctionShare = share;
        }
        foreach (var p in year.InForce<OffsetLimit>()) carbon.Offsets.LimitShare = p.Share;
        foreach (var p in year.InForce<EtsRecognition>())
        {
            carbon.Indirect = p.Indirect;
            carbon.RecogniseCertificates = p.RecogniseCertificates;
        }
        foreach (var p in year.InForce<CoordinationDelay>().Where(d => d.Channel == "certificates-to-ets")) carbon.CertificateLagMonths = p.Months;
        foreach (var p in year.InForce<CarbonPriceBounds>())
            for (var m = 0; m < 12; m++)
            {
                if (year.ShareOfMonth(p, m) == 0) continue;
                if (p.Floor is { } floor) (carbon.FloorByMonth ??= new double?[12])[m] = floor;
                if (p.Ceiling is { } ceiling) (carbon.CeilingByMonth ??= new double?[12])[m] = ceiling;
            }

        var green = settings.GreenPower;
        foreach (var p in year.InForce<GreenShareMandate>())
            foreach (var e in inventory.Enterprises.Where(e => year.Covers(p.Target, e)))
                green.Mandates[e.Id] = new GreenBuyer { Share = p.Share, MaxPrice = p.MaxPrice ?? green.GridPrice };
        foreach (var p in year.InForce<GreenPowerDiscount>())
            foreach (var e in inventory.Enterprises.Where(e => year.Covers(p.Target, e)))
                green.Discounts[e.Id] = green.Discounts.GetValueOrDefault(e.Id) + p.Discount;
        return settings;
    }
}
