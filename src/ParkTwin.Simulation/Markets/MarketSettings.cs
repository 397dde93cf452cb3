using ParkTwin.Domain.Data;
using ParkTwin.Domain.Markets;

namespace ParkTwin.Simulation.Markets;

/// <summary>Which market mechanisms run inside a simulation, and their parameters (simulations/data/markets.yaml).</summary>
public sealed class MarketSettings
{
    static readonly Lazy<MarketSettings> Shipped = new(() => DataFiles.ReadYaml<MarketSettings>("markets.yaml"));

    public static MarketSettings Default => Shipped.Value;

    /// <summary>Every mechanism off: the core simulation.</summary>
    public static MarketSettings None => new()
    {
        GreenPower = new GreenPowerSettings { Enabled = false },
        Carbon = new CarbonSettings { Enabled = false },
        Certificates = new CertificateSettings { RetireForScope2 = false },
    };

    public GreenPowerSettings GreenPower { get; set; } = new();
    public CertificateSettings Certificates { get; set; } = new();
    public CarbonSettings Carbon { get; set; } = new();

    public bool Any => GreenPower.Enabled || GreenPower.Bilateral.Enabled || Carbon.Enabled;

    public static PricingRule Rule(string rule) => rule switch
    {
        "pay-as-clear" => PricingRule.PayAsClear,
        "pay-as-bid" => PricingRule.PayAsBid,
        _ => throw new Domain.InputException("rule", $"unknown pricing rule '{rule}' (pay-as-clear or pay-as-bid)"),
    };

    public static SessionMechanism Mechanism(string mechanism) => mechanism switch
    {
        "call-auction" => SessionMechanism.CallAuction,
        "continuous" => SessionMechanism.Continuous,
        _ => throw new Domain.InputException("carbon.mechanism", $"unknown session mechanism '{mechanism}' (call-auction or continuous)"),
    };
}

public sealed class GreenPowerSettings
{
    public bool Enabled { get; set; }
    public string Rule { get; set; } = "pay-as-clear";
    public List<string> SellerKinds { get; set; } = [];
    public double OfferShare { get; set; }
    public double OfferPrice { get; set; }
    public double OfferPriceSpread { get; set; }
    public string Source { get; set; } = "";
    public double GridPrice { get; set; }
    public string GridPriceSource { get; set; } = "";
    public Dictionary<string, GreenBuyer> Buyers { get; set; } = [];
    /// <summary>Only large users trade in the centralised market: annual electricity at least this (MWh).</summary>
    public double MinBuyerAnnualMWh { get; set; }
    public double BidPriceSpread { get; set; }
    public string BuyersSource { get; set; } = "";
    public BilateralSettings Bilateral { get; set; } = new();
    /// <summary>Set by a scenario's green-share mandates: enterprise → (share it must buy green, the price it bids up to).</summary>
    public Dictionary<string, GreenBuyer> Mandates { get; set; } = [];
    /// <summary>Set by a scenario run: enterprises that adopted a green-power contract → the share of demand they buy green, at up to the grid price.</summary>
    public Dictionary<string, GreenBuyer> Adopters { get; set; } = [];
    /// <summary>Set by a scenario's green-power discounts: enterprise → CNY/MWh the state pays of what it buys green.</summary>
    public Dictionary<string, double> Discounts { get; set; } = [];
    /// <summary>When the ETS recognises certificates for indirect emissions: the share of its expected demand a covered enterprise bids for.</summary>
    public double EtsBuyerShare { get; set; }
}

/// <summary>Bilateral (as-produced) contracts between grid plants and buyers: listed ones and generated ones.</summary>
public sealed class BilateralSettings
{
    public bool Enabled { get; set; }
    /// <summary>How many of the largest buying enterprises sign a contract (0 = only the listed ones).</summary>
    public int LargestBuyers { get; set; }
    /// <summary>The share of a generated buyer's expected annual electricity it contracts.</summary>
    public double ShareOfDemand { get; set; }
    public double Price { get; set; }
    public List<string> SellerKinds { get; set; } = [];
    public List<ListedContract> Contracts { get; set; } = [];
    public string Source { get; set; } = "";
}

public sealed class ListedContract
{
    public string? Id { get; set; }
    public string Seller { get; set; } = "";
    public string? Buyer { get; set; }
    public double AnnualMWh { get; set; }
    public double Price { get; set; }
}

public sealed class GreenBuyer
{
    public double Share { get; set; }
    public double MaxPrice { get; set; }

    /// <summary>Two reasons to bid combined: the larger share, at the higher price (null stands for no reason).</summary>
    public static GreenBuyer? Larger(GreenBuyer? a, GreenBuyer? b) =>
        a is null ? b : b is null ? a : new GreenBuyer { Share = Math.Max(a.Share, b.Share), MaxPrice = Math.Max(a.MaxPrice, b.MaxPrice) };
}

public sealed class CertificateSettings
{
    public bool RetireForScope2 { get; set; }
}

public sealed class CarbonSettings
{
    public bool Enabled { get; set; }
    public string Rule { get; set; } = "pay-as-clear";
    public Dictionary<string, double> AbatementCost { get; set; } = [];
    public double ReservationSpread { get; set; }
    public string Source { get; set; } = "";
    public double CashShareOfOutputValue { get; set; }
    /// <summary>Multiplier on every free allocation (1 = the plan's benchmarks; 0.9 = a 10 % tighter quota).</summary>
    public double AllocationFactor { get; set; } = 1;
    /// <summary>"call-auction": one sealed-bid session a month; "continuous": a continuous double auction a month.</summary>
    public string Mechanism { get; set; } = "call-auction";
    /// <summary>CNY/t; null = none. At the floor the reserve buys with its cash, at the ceiling it sells its allowances.</summary>
    public double? PriceFloor { get; set; }
    public double? PriceCeiling { get; set; }
    public string PriceBoundsSource { get; set; } = "";
    /// <summary>Share of each allocation sold by the auctioneer in the monthly sessions; null = ets.yaml's lever for the year.</summary>
    public double? AuctionShare { get; set; }
    public MsrSettings Msr { get; set; } = new();
    /// <summary>Offsets (CCER): an enterprise short at compliance buys them at <see cref="OffsetSettings.Price"/>, up to the limit share of its obligation.</summary>
    public OffsetSettings Offsets { get; set; } = new();
    /// <summary>Whether compliance also covers purchased electricity (indirect emissions, location-based factor).</summary>
    public bool Indirect { get; set; }
    /// <summary>With <see cref="Indirect"/>: certificates retired for Scope 2 claims take their MWh out of the obligation.</summary>
    public bool RecogniseCertificates { get; set; }
    /// <summary>Months before a retired certificate reaches the ETS (a coordination delay); later than December, the next year's compliance.</summary>
    public int CertificateLagMonths { get; set; }
    /// <summary>Set by a scenario's price-bound policies: per month of the year (12), a floor and a ceiling overriding the year's.</summary>
    public double?[]? FloorByMonth { get; set; }
    public double?[]? CeilingByMonth { get; set; }

    public double? Floor(int month) => FloorByMonth?[month] ?? PriceFloor;

    public double? Ceiling(int month) => CeilingByMonth?[month] ?? PriceCeiling;
}

public sealed class OffsetSettings
{
    public bool Enabled { get; set; }
    /// <summary>The share of verified emissions offsets may cover (null = ets.yaml's offsetMaxShare).</summary>
    public double? LimitShare { get; set; }
    public double Price { get; set; }
    public string Source { get; set; } = "";
}

/// <summary>The market stability reserve (DOMAIN.md §4, EU rule scaled to the province), decided once a year after the allocation.</summary>
public sealed class MsrSettings
{
    public bool Enabled { get; set; }
    /// <summary>Allowances in circulation above which <see cref="IntakeShare"/> of them go into the reserve.</summary>
    public long Upper { get; set; }
    /// <summary>Allowances in circulation below which <see cref="Release"/> come out of the reserve.</summary>
    public long Lower { get; set; }
    public double IntakeShare { get; set; }
    public long Release { get; set; }
    public string Source { get; set; } = "";
}
