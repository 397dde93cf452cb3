namespace ParkTwin.Domain.Factors;

// The shape of simulations/data/factors.yaml, read by YamlDotNet (camelCase keys). Only FactorTable uses it.

internal sealed class FactorFile
{
    public Dictionary<string, FuelRow> Fuels { get; set; } = [];
    public ElectricitySection Electricity { get; set; } = new();
    public HeatSection Heat { get; set; } = new();
    public Dictionary<string, List<YearRow>> GridFactors { get; set; } = [];
    public List<YearRow> ResidualFactors { get; set; } = [];
    public Dictionary<string, ValueRow> ProcessFactors { get; set; } = [];
}

internal sealed class FuelRow
{
    public double Ncv { get; set; }
    public string NcvUnit { get; set; } = "";
    public double CarbonContent { get; set; }
    public double Oxidation { get; set; }
    public double Kgce { get; set; }
    public string KgceUnit { get; set; } = "";
    public string Source { get; set; } = "";
    public string? Status { get; set; }
}

internal sealed class ElectricitySection
{
    public CalorificRow CalorificEquivalent { get; set; } = new();
    public List<CoalEquivalentRow> CoalEquivalent { get; set; } = [];
}

internal sealed class CalorificRow
{
    public double KgcePerKWh { get; set; }
    public string Source { get; set; } = "";
    public string? Status { get; set; }
}

internal sealed class CoalEquivalentRow
{
    public int Year { get; set; }
    public double KgcePerKWh { get; set; }
    public string Source { get; set; } = "";
    public string? Status { get; set; }
}

internal sealed class HeatSection
{
    public ValueRow Tco2PerGJ { get; set; } = new();
    public ValueRow KgcePerMJ { get; set; } = new();
}

internal sealed class ValueRow
{
    public double Value { get; set; }
    public string Source { get; set; } = "";
    public string? Status { get; set; }
}

internal sealed class YearRow
{
    public int Year { get; set; }
    public double Value { get; set; }
    public string Source { get; set; } = "";
    public string? Status { get; set; }
}
