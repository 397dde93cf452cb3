using ParkTwin.Domain.Data;

namespace ParkTwin.Domain.Accounting;

/// <summary>Core threshold for parks using at least <paramref name="MinTce"/> tce a year.</summary>
public sealed record EnergyBand(double MinTce, double Threshold);

/// <summary>
/// Zero-carbon park thresholds (simulations/data/indicators.yaml). The core threshold depends on the park's
/// annual energy use; the band for small parks is a provincial choice, so the whole table is data.
/// </summary>
public sealed record IndicatorTable
{
    static readonly Lazy<IndicatorTable> Shipped = new(() => Parse(DataFiles.ReadText("indicators.yaml")));

    public static IndicatorTable Default => Shipped.Value;

    /// <summary>Bands, largest MinTce first; the last one has MinTce 0.</summary>
    public required IReadOnlyList<EnergyBand> CoreBands { get; init; }
    public required double CleanEnergyShare { get; init; }
    public required double SolidWasteUtilisation { get; init; }
    public required double WasteHeatUtilisation { get; init; }
    public required double WaterReuse { get; init; }

    /// <summary>Core threshold (tCO2/tce) for a park using this much energy a year.</summary>
    public double CoreThreshold(double energyTce) => CoreBands.First(b => energyTce >= b.MinTce || b.MinTce <= 0).Threshold;

    public static IndicatorTable Parse(string yaml)
    {
        var file = DataFiles.ParseYaml<IndicatorFile>(yaml);
        var bands = file.Core.Bands.Select(b => new EnergyBand(b.MinTce, b.Threshold)).OrderByDescending(b => b.MinTce).ToList();
        if (bands.Count == 0 || bands[^1].MinTce != 0) throw new InvalidDataException("indicators.yaml: core.bands needs a band with minTce 0");
        return new IndicatorTable
        {
            CoreBands = bands,
            CleanEnergyShare = Guiding(file, "cleanEnergyShare"),
            SolidWasteUtilisation = Guiding(file, "solidWasteUtilisation"),
            WasteHeatUtilisation = Guiding(file, "wasteHeatUtilisation"),
            WaterReuse = Guiding(file, "waterReuse"),
        };
    }

    static double Guiding(IndicatorFile file, string name) =>
        file.Guiding.TryGetValue(name, out var row) ? row.Threshold : throw new InvalidDataException($"indicators.yaml: guiding.{name} is missing");
}
