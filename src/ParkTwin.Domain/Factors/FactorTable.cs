using ParkTwin.Domain.Data;
using ParkTwin.Domain.Energy;

namespace ParkTwin.Domain.Factors;

/// <summary>
/// Emission and energy-conversion factors (simulations/data/factors.yaml). Immutable: a scenario replaces a
/// scalar with <c>with</c> (e.g. <c>table with { HeatTco2PerGJ = 0.1 }</c>) and a table entry with the
/// <c>With…</c> methods. The per-unit methods are cheap enough for the simulation's hot path, but a kernel
/// should still fetch each factor once per run rather than once per hour.
/// </summary>
public sealed record FactorTable
{
    static readonly Lazy<FactorTable> Shipped = new(() => Parse(DataFiles.ReadText("factors.yaml")));

    /// <summary>The shipped factors, loaded once.</summary>
    public static FactorTable Default => Shipped.Value;

    public required IReadOnlyDictionary<FuelCarrier, FuelParameters> Fuels { get; init; }

    /// <summary>kgce per kWh by the calorific-equivalent method (0.1229).</summary>
    public required double CalorificKgcePerKWh { get; init; }

    /// <summary>kgce per kWh by the coal-equivalent method, per year.</summary>
    public required YearSeries CoalEquivalentKgcePerKWh { get; init; }

    /// <summary>Purchased heat, tCO2 per GJ.</summary>
    public required double HeatTco2PerGJ { get; init; }

    /// <summary>Heat, kgce per MJ (0.03412).</summary>
    public required double HeatKgcePerMJ { get; init; }

    /// <summary>Heat, tce per GJ: kgce/MJ × 1000 MJ/GJ ÷ 1000 kg/t, the same number as kgce/MJ.</summary>
    public double HeatTcePerGJ => HeatKgcePerMJ;

    /// <summary>Grid factors (tCO2/MWh) per region, keys lower case ("sichuan", "national", …).</summary>
    public required IReadOnlyDictionary<string, YearSeries> GridFactors { get; init; }

    /// <summary>Residual factor (tCO2/MWh) for market-based Scope 2, per year.</summary>
    public required YearSeries ResidualFactors { get; init; }

    /// <summary>Process CO2, tCO2 per t of product.</summary>
    public required IReadOnlyDictionary<string, double> ProcessFactors { get; init; }

    /// <summary>Year used by <see cref="ElectricityTcePerMWh(ElectricityMethod)"/>; null = newest entry.</summary>
    public int? Year { get; init; }

    /// <summary>This table with the year the one-argument electricity conversion uses.</summary>
    public FactorTable ForYear(int year) => this with { Year = year };

    // ---- per-unit factors ----

    /// <summary>Does the unit fit the carrier? Mass-metered fuels take t and kg, natural gas takes 10^4 Nm3 and Nm3, every fuel takes GJ.</summary>
    public bool UnitFits(FuelCarrier carrier, FuelUnit unit) => unit switch
    {
        FuelUnit.GJ => true,
        FuelUnit.Tonne or FuelUnit.Kilogram => Fuel(carrier).Basis == FuelBasis.Mass,
        FuelUnit.TenThousandNm3 or FuelUnit.Nm3 => Fuel(carrier).Basis == FuelBasis.Volume,
        _ => false,
    };

    /// <summary>Net heat (GJ) in one unit of the carrier.</summary>
    public double GJPerUnit(FuelCarrier carrier, FuelUnit unit)
    {
        var fuel = Fuel(carrier);
        return unit == FuelUnit.GJ ? 1.0 : fuel.Ncv * NcvUnitsPer(carrier, unit);
    }

    /// <summary>tCO2 from burning one unit: NCV × CC × OF × 44/12 (a GJ quantity is already energy).</summary>
    public double TonnesCo2PerUnit(FuelCarrier carrier, FuelUnit unit) => GJPerUnit(carrier, unit) * Fuel(carrier).Tco2PerGJ;

    /// <summary>tce in one unit of the carrier (GB/T 2589 coefficients; per GJ via the same row's NCV).</summary>
    public double TcePerUnit(FuelCarrier carrier, FuelUnit unit)
    {
        var fuel = Fuel(carrier);
        return unit == FuelUnit.GJ ? fuel.TcePerNcvUnit / fuel.Ncv : fuel.TcePerNcvUnit * NcvUnitsPer(carrier, unit);
    }

    /// <summary>tce per MWh of electricity; the coal-equivalent value is that of <see cref="Year"/> (newest if unset).</summary>
    public double ElectricityTcePerMWh(ElectricityMethod method) =>
        ElectricityTcePerMWh(method, Year ?? CoalEquivalentKgcePerKWh.NewestYear);

    /// <summary>tce per MWh of electricity in a given year (kgce/kWh and tce/MWh are the same number).</summary>
    public double ElectricityTcePerMWh(ElectricityMethod method, int year) => method switch
    {
        ElectricityMethod.CalorificEquivalent => CalorificKgcePerKWh,
        ElectricityMethod.CoalEquivalent => CoalEquivalentKgcePerKWh.At(year),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public bool HasGridRegion(string province) => GridFactors.ContainsKey(province.ToLowerInvariant());

    /// <summary>Grid factor (tCO2/MWh) for a province or region in a year (newest entry not after the year).</summary>
    public double GridFactor(string province, int year) =>
        GridFactors.TryGetValue(province.ToLowerInvariant(), out var series)
            ? series.At(year)
            : throw new KeyNotFoundException($"no grid factor for '{province}'; known: {string.Join(", ", GridFactors.Keys)}");

    public double ResidualFactor(int year) => ResidualFactors.At(year);

    public bool HasProduct(string product) => ProcessFactors.ContainsKey(product);

    /// <summary>Process CO2 per t of product; KeyNotFoundException for an unknown product (callers map it to an input error).</summary>
    public double ProcessFactor(string product) =>
        ProcessFactors.TryGetValue(product, out var factor)
            ? factor
            : throw new KeyNotFoundException($"no process factor for '{product}'; known: {string.Join(", ", ProcessFactors.Keys)}");

    // ---- overrides ----

    public FactorTable WithFuel(FuelCarrier carrier, FuelParameters parameters) =>
        this with { Fuels = new Dictionary<FuelCarrier, FuelParameters>(Fuels) { [carrier] = parameters } };

    public FactorTable WithGridFactor(string province, int year, double value)
    {
        var key = province.ToLowerInvariant();
        var series = GridFactors.TryGetValue(key, out var old) ? old.With(year, value) : new YearSeries([KeyValuePair.Create(year, value)]);
        return this with { GridFactors = new Dictionary<string, YearSeries>(GridFactors) { [key] = series } };
    }

    public FactorTable WithResidualFactor(int year, double value) => this with { ResidualFactors = ResidualFactors.With(year, value) };

    public FactorTable WithCoalEquivalent(int year, double kgcePerKWh) =>
        this with { CoalEquivalentKgcePerKWh = CoalEquivalentKgcePerKWh.With(year, kgcePerKWh) };

    public FactorTable WithProcessFactor(string product, double value) =>
        this with { ProcessFactors = new Dictionary<string, double>(ProcessFactors) { [product] = value } };

    // ---- loading ----

    /// <summary>Reads a factors.yaml text; a missing carrier or an inconsistent unit pair is an error naming the key.</summary>
    public static FactorTable Parse(string yaml)
    {
        var file = DataFiles.ParseYaml<FactorFile>(yaml);
        var fuels = new Dictionary<FuelCarrier, FuelParameters>();
        foreach (var (name, row) in file.Fuels)
        {
            if (!EnergyNames.TryParseCarrier(name, out var carrier)) throw new InvalidDataException($"factors.yaml: fuels.{name} is not a known carrier");
            var basis = (row.NcvUnit, row.KgceUnit) switch
            {
                ("GJ/t", "kg") => FuelBasis.Mass,
                ("GJ/10^4 Nm3", "Nm3") => FuelBasis.Volume,
                _ => throw new InvalidDataException(
                    $"factors.yaml: fuels.{name}: ncvUnit '{row.NcvUnit}' with kgceUnit '{row.KgceUnit}' is not a known pair (GJ/t with kg, GJ/10^4 Nm3 with Nm3)"),
            };
            Positive(row.Ncv, $"fuels.{name}.ncv");
            Positive(row.CarbonContent, $"fuels.{name}.carbonContent");
            Positive(row.Kgce, $"fuels.{name}.kgce");
            if (row.Oxidation is <= 0 or > 1) throw new InvalidDataException($"factors.yaml: fuels.{name}.oxidation must lie in (0, 1]");
            fuels[carrier] = new FuelParameters(basis, row.Ncv, row.CarbonContent, row.Oxidation, row.Kgce);
        }
        foreach (var carrier in EnergyNames.AllCarriers)
            if (!fuels.ContainsKey(carrier)) throw new InvalidDataException($"factors.yaml: fuels.{carrier.Name()} is missing");

        return new FactorTable
        {
            Fuels = fuels,
            CalorificKgcePerKWh = Positive(file.Electricity.CalorificEquivalent.KgcePerKWh, "electricity.calorificEquivalent.kgcePerKWh"),
            CoalEquivalentKgcePerKWh = Series(file.Electricity.CoalEquivalent.Select(r => KeyValuePair.Create(r.Year, r.KgcePerKWh)), "electricity.coalEquivalent"),
            HeatTco2PerGJ = Positive(file.Heat.Tco2PerGJ.Value, "heat.tco2PerGJ.value"),
            HeatKgcePerMJ = Positive(file.Heat.KgcePerMJ.Value, "heat.kgcePerMJ.value"),
            GridFactors = file.GridFactors.ToDictionary(
                p => p.Key.ToLowerInvariant(), p => Series(p.Value.Select(r => KeyValuePair.Create(r.Year, r.Value)), $"gridFactors.{p.Key}")),
            ResidualFactors = Series(file.ResidualFactors.Select(r => KeyValuePair.Create(r.Year, r.Value)), "residualFactors"),
            ProcessFactors = file.ProcessFactors.ToDictionary(p => p.Key, p => Positive(p.Value.Value, $"processFactors.{p.Key}.value")),
        };
    }

    FuelParameters Fuel(FuelCarrier carrier) =>
        Fuels.TryGetValue(carrier, out var fuel) ? fuel : throw new KeyNotFoundException($"no parameters for fuel {carrier.Name()}");

    /// <summary>How many NCV units (t or 10^4 Nm3) one unit of quantity is; a unit that does not fit the carrier throws.</summary>
    double NcvUnitsPer(FuelCarrier carrier, FuelUnit unit)
    {
        if (!UnitFits(carrier, unit))
            throw new ArgumentException($"unit '{unit.Name()}' does not fit {carrier.Name()}", nameof(unit));
        return unit switch
        {
            FuelUnit.Tonne or FuelUnit.TenThousandNm3 => 1.0,
            FuelUnit.Kilogram => 1e-3,
            FuelUnit.Nm3 => 1e-4,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
        };
    }

    static double Positive(double value, string key) =>
        double.IsFinite(value) && value > 0 ? value : throw new InvalidDataException($"factors.yaml: {key} must be a positive number");

    static YearSeries Series(IEnumerable<KeyValuePair<int, double>> entries, string key)
    {
        var list = entries.ToList();
        if (list.Count == 0) throw new InvalidDataException($"factors.yaml: {key} has no entries");
        foreach (var e in list) Positive(e.Value, $"{key}[{e.Key}]");
        try { return new YearSeries(list); }
        catch (ArgumentException e) { throw new InvalidDataException($"factors.yaml: {key}: {e.Message}"); }
    }
}
