using System.Text.Json.Serialization;

namespace ParkTwin.Domain.Accounting;

/// <summary>One zero-carbon park indicator: its value (null = no data), threshold and status.</summary>
public sealed record Indicator(string Name, double? Value, double Threshold, string Status)
{
    [JsonIgnore]
    public bool Passed => Status == IndicatorStatus.Pass;
}

public static class IndicatorStatus
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string NoData = "no data";
}

public static class IndicatorNames
{
    public const string CarbonPerEnergy = "carbonPerEnergy";
    public const string CleanEnergyShare = "cleanEnergyShare";
    public const string SolidWasteUtilisation = "solidWasteUtilisation";
    public const string WasteHeatUtilisation = "wasteHeatUtilisation";
    public const string WaterReuse = "waterReuse";
}
