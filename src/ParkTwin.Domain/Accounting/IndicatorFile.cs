namespace ParkTwin.Domain.Accounting;

// The shape of simulations/data/indicators.yaml (camelCase keys). Only IndicatorTable uses it.

internal sealed class IndicatorFile
{
    public CoreSection Core { get; set; } = new();
    public Dictionary<string, ThresholdRow> Guiding { get; set; } = [];
}

internal sealed class CoreSection
{
    public List<BandRow> Bands { get; set; } = [];
}

internal sealed class BandRow
{
    public double MinTce { get; set; }
    public double Threshold { get; set; }
    public string Source { get; set; } = "";
    public string? Status { get; set; }
}

internal sealed class ThresholdRow
{
    public double Threshold { get; set; }
    public string Source { get; set; } = "";
    public string? Status { get; set; }
}
