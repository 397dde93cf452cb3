namespace ParkTwin.Domain.Decisions;

/// <summary>The abatement options an enterprise can adopt (simulations/data/abatement.yaml defines each for its industries).</summary>
public static class AbatementOptionIds
{
    public const string EfficiencyRetrofit = "efficiency_retrofit";
    public const string HeatElectrification = "heat_electrification";
    public const string OnsitePv = "onsite_pv";
    public const string Storage = "storage";
    public const string GreenPowerContract = "green_power_contract";
    public const string WasteHeatRecovery = "waste_heat_recovery";
    public const string ProcessChange = "process_change";
    public const string Ccus = "ccus";

    public static readonly IReadOnlyList<string> All =
        [EfficiencyRetrofit, HeatElectrification, OnsitePv, Storage, GreenPowerContract, WasteHeatRecovery, ProcessChange, Ccus];
}
