using ParkTwin.Domain.Data;

namespace ParkTwin.Domain.Profiles;

/// <summary>Technical parameters of energy assets (simulations/data/assets.yaml).</summary>
public sealed class AssetParameters
{
    static readonly Lazy<AssetParameters> Shipped = new(() => DataFiles.ReadYaml<AssetParameters>("assets.yaml"));

    public static AssetParameters Default => Shipped.Value;

    public GasChpParameters GasChp { get; set; } = new();
    public BoilerParameters CoalBoiler { get; set; } = new();
    public PlantParameters CoalPower { get; set; } = new();
    public PlantParameters GasPower { get; set; } = new();
    public StorageParameters Storage { get; set; } = new();
}

public sealed class GasChpParameters
{
    public double ElectricalEfficiency { get; set; }
    public double HeatToPower { get; set; }
    public double CapacityFactor { get; set; }
    public string Source { get; set; } = "";
}

public sealed class BoilerParameters
{
    public double ThermalEfficiency { get; set; }
    public string Source { get; set; } = "";
}

public sealed class PlantParameters
{
    public double Efficiency { get; set; }
    public string Source { get; set; } = "";
}

public sealed class StorageParameters
{
    public double RoundTripEfficiency { get; set; }
    public double InitialStateOfCharge { get; set; }
    public string Source { get; set; } = "";
}
