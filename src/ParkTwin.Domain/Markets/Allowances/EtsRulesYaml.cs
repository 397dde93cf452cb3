namespace ParkTwin.Domain.Markets;

/// <summary>The YAML layout of ets.yaml; checked and mapped by <see cref="EtsRules"/>.</summary>
public sealed class EtsRulesYaml
{
    public PenaltyYaml Penalty { get; set; } = new();
    public OffsetsYaml Offsets { get; set; } = new();
    public List<ReferencePriceYaml> ReferencePrices { get; set; } = [];
    public List<EtsYearYaml> Years { get; set; } = [];
    public List<EtsSectorYaml> Sectors { get; set; } = [];
}

public sealed class PenaltyYaml
{
    public double Multiple { get; set; } = double.NaN;
    public double MinMultiple { get; set; } = double.NaN;
    public double MaxMultiple { get; set; } = double.NaN;
}

public sealed class OffsetsYaml
{
    public double MaxShare { get; set; } = double.NaN;
}

public sealed class ReferencePriceYaml
{
    public int Year { get; set; }
    public double CnyPerTonne { get; set; } = double.NaN;
    public string? Source { get; set; }
}

public sealed class EtsYearYaml
{
    public int Year { get; set; }
    public double AuctionShare { get; set; }
    public long? Cap { get; set; }
}

public sealed class EtsSectorYaml
{
    public string? Id { get; set; }
    public string? Product { get; set; }
    public string? Unit { get; set; }
    public List<string> Industries { get; set; } = [];
    public bool Covered { get; set; }
    public string? Source { get; set; }
    public List<BenchmarkYaml> Benchmarks { get; set; } = [];
}

public sealed class BenchmarkYaml
{
    public int Year { get; set; }
    public double Tco2PerUnit { get; set; } = double.NaN;
    public double Adjustment { get; set; } = double.NaN;
    public string? Status { get; set; }
}
