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
}
