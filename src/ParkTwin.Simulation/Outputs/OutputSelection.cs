namespace ParkTwin.Simulation.Outputs;

/// <summary>
/// Which of a run's files to write (a scenario's <c>outputs:</c>): the monthly series (province, parks, enterprises,
/// markets), their formats (csv, parquet), the charts and the report. summary.json is always written; the report
/// embeds its charts whether or not they are also written as files.
/// </summary>
public sealed record OutputSelection
{
    public const string Province = "province";
    public const string Parks = "parks";
    public const string Enterprises = "enterprises";
    public const string MarketSeries = "markets";
    public const string Csv = "csv";
    public const string Parquet = "parquet";

    public static readonly IReadOnlyList<string> AllSeries = [Province, Parks, Enterprises, MarketSeries];
    public static readonly IReadOnlyList<string> AllFormats = [Csv, Parquet];

    /// <summary>Everything: what <c>parktwin simulate</c> writes.</summary>
    public static readonly OutputSelection All = new();

    public IReadOnlyList<string> Series { get; init; } = AllSeries;
    public IReadOnlyList<string> Formats { get; init; } = AllFormats;
    public bool Charts { get; init; } = true;
    public bool Report { get; init; } = true;

    public bool Writes(string series) => Series.Contains(series) && Formats.Count > 0;

    public bool IsAll => AllSeries.All(Series.Contains) && AllFormats.All(Formats.Contains) && Charts && Report;

    public string Describe() => IsAll ? "everything"
        : $"series {(Series.Count == 0 || Formats.Count == 0 ? "none" : string.Join(", ", Series) + $" ({string.Join(", ", Formats)})")}" +
          $"{(Charts ? ", charts" : "")}{(Report ? ", report" : "")}, summary.json";
}
