namespace ParkTwin.Domain.Accounting;

/// <summary>The input of <c>parktwin account</c>: one park's activity data for a year (format in docs/accounting.md).</summary>
public sealed record AccountInput
{
    public required int Year { get; init; }
    public required string Province { get; init; }
    /// <summary>Overrides the data file's grid factor for province and year, tCO2/MWh.</summary>
    public double? GridFactor { get; init; }
    /// <summary>Overrides the data file's residual factor for the year, tCO2/MWh.</summary>
    public double? ResidualFactor { get; init; }
    public IReadOnlyList<AccountEntity> Enterprises { get; init; } = [];
    public IReadOnlyList<AccountEntity> SharedFacilities { get; init; } = [];
    /// <summary>Park-level data for the guiding indicators.</summary>
    public IndicatorData? Park { get; init; }
}

/// <summary>An enterprise or a shared facility with its activity data.</summary>
public sealed record AccountEntity(string Id, string? Industry, ActivityData Activity);
