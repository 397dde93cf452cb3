using ParkTwin.Domain.Energy;

namespace ParkTwin.Domain.Catalogue;

public enum IndustryGroup { Traditional, Emerging }

/// <summary>How an industry runs through the day and week; the load shape follows from it.</summary>
public enum WorkPattern { Continuous, ThreeShift, TwoShift, OneShift }

/// <summary>Fuel burned per unit of output, in the given physical unit.</summary>
public sealed record FuelIntensity(FuelCarrier Carrier, double PerUnit, FuelUnit Unit);

/// <summary>Process product (e.g. clinker) made per unit of output; its emissions follow from the process factor table.</summary>
public sealed record ProcessIntensity(string Product, double PerUnit);

/// <summary>One industry of the catalogue: per-output intensities, working pattern and value per output.</summary>
public sealed record IndustryProfile
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required IndustryGroup Group { get; init; }
    /// <summary>Unit of output, e.g. "t cement", "vehicle", "MWh IT load".</summary>
    public required string OutputUnit { get; init; }
    /// <summary>Value per unit of output, 10^4 CNY.</summary>
    public required double ValuePerUnit { get; init; }
    public required double ElectricityMWhPerUnit { get; init; }
    public IReadOnlyList<FuelIntensity> Fuels { get; init; } = [];
    public IReadOnlyList<ProcessIntensity> Process { get; init; } = [];
    /// <summary>Purchased heat (steam) per unit of output, GJ.</summary>
    public double HeatGJPerUnit { get; init; }
    public required WorkPattern Pattern { get; init; }
    public bool WorksWeekends { get; init; } = true;
    /// <summary>Output multiplier per calendar month (12 values, mean 1).</summary>
    public required IReadOnlyList<double> MonthlySeason { get; init; }
    /// <summary>Range of annual output of one enterprise, in output units (the generator draws within it).</summary>
    public required double TypicalAnnualOutputMin { get; init; }
    public required double TypicalAnnualOutputMax { get; init; }
    /// <summary>Relative weight of this industry among Sichuan park enterprises (the generator's mix).</summary>
    public required double EnterpriseShare { get; init; }
    /// <summary>Where the numbers come from, or the assumption made.</summary>
    public required string Source { get; init; }
}
