namespace ParkTwin.Domain.Inventory;

/// <summary>
/// Everything a simulation steps: parks, the enterprises in them and the energy assets of the province.
/// Written by <c>parktwin generate</c> as editable JSON and loaded by <c>parktwin simulate</c>.
/// </summary>
public sealed record ProvinceInventory
{
    public string Province { get; init; } = "sichuan";
    public int Seed { get; init; }
    public double Scale { get; init; } = 1;
    public List<ParkSpec> Parks { get; init; } = [];
    public List<EnterpriseSpec> Enterprises { get; init; } = [];
    public List<AssetSpec> Assets { get; init; } = [];
}

/// <summary>An industrial park: the boundary of the zero-carbon park indicators.</summary>
public sealed record ParkSpec
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public required string Prefecture { get; init; }
    /// <summary>"national" or "provincial" development zone.</summary>
    public string Level { get; init; } = "provincial";
    /// <summary>Industries the park specialises in (catalogue ids).</summary>
    public List<string> Focus { get; init; } = [];
    /// <summary>Optional per-park data for the guiding indicators (fractions 0..1); absent means "no data".</summary>
    public double? SolidWasteUtilisation { get; init; }
    public double? WasteHeatUtilisation { get; init; }
    public double? WaterReuse { get; init; }
}

/// <summary>An enterprise: output of its industry's product, with energy and emissions per unit from the catalogue.</summary>
public sealed record EnterpriseSpec
{
    public required string Id { get; init; }
    public required string Park { get; init; }
    public string Name { get; init; } = "";
    /// <summary>Catalogue id, e.g. "cement".</summary>
    public required string Industry { get; init; }
    /// <summary>Output per year in the industry's output unit.</summary>
    public required double AnnualOutput { get; init; }
    /// <summary>Multiplier on the catalogue's energy intensities (1 = industry typical; 0.9 = 10 % better).</summary>
    public double Efficiency { get; init; } = 1;
    /// <summary>This year's adopted abatement, output quotas and rationing cuts; set by a scenario run, never in an inventory file.</summary>
    public Twin.EnterpriseMeasures? Measures { get; init; }
}

public enum AssetKind { Pv, Wind, HydroRunOfRiver, HydroReservoir, Storage, GasChp, CoalBoiler, CoalPower, GasPower }

/// <summary>
/// An energy asset. Owner is an enterprise id (on-site), a park id (shared facility) or "grid" (province-level plant).
/// CapacityMW is electrical (thermal for a boiler); storage also has EnergyMWh.
/// </summary>
public sealed record AssetSpec
{
    public required string Id { get; init; }
    public required AssetKind Kind { get; init; }
    public required string Owner { get; init; }
    /// <summary>Park the asset sits in; null for grid-level plants.</summary>
    public string? Park { get; init; }
    public string? Prefecture { get; init; }
    public required double CapacityMW { get; init; }
    public double EnergyMWh { get; init; }
    /// <summary>First day the asset runs (null: before the simulated year); an adopted on-site PV is built during a year.</summary>
    public DateOnly? InService { get; init; }
    /// <summary>First day the asset no longer runs (null: never); a phase-out retires assets from a date.</summary>
    public DateOnly? Retired { get; init; }
}
