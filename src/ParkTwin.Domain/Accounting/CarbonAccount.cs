using ParkTwin.Domain.Energy;

namespace ParkTwin.Domain.Accounting;

/// <summary>Emissions and energy of one fuel carrier.</summary>
public sealed record CarrierAccount(double Tco2, double Tce)
{
    public static CarrierAccount operator +(CarrierAccount a, CarrierAccount b) => new(a.Tco2 + b.Tco2, a.Tce + b.Tce);
}

/// <summary>
/// Carbon account of an enterprise, a facility or a park: tonnes CO2 and tce. Accounts add up field by field;
/// the ratios are computed from the sums (never averaged).
/// </summary>
public sealed record CarbonAccount
{
    public static readonly CarbonAccount Zero = new();

    public double Scope1Combustion { get; init; }
    public double Scope1Process { get; init; }
    public double Scope2Location { get; init; }
    public double Scope2Market { get; init; }
    public double EnergyTce { get; init; }
    /// <summary>The part of <see cref="EnergyTce"/> from clean electricity (see <see cref="CleanEnergyShare"/>).</summary>
    public double CleanEnergyTce { get; init; }
    public double OutputValue10kCNY { get; init; }
    public IReadOnlyDictionary<FuelCarrier, CarrierAccount> ByCarrier { get; init; } = new Dictionary<FuelCarrier, CarrierAccount>();

    public double Scope1 => Scope1Combustion + Scope1Process;

    /// <summary>The core park indicator: (Scope 1 + Scope 2 market-based) / energy, tCO2/tce; null without energy use.</summary>
    public double? CarbonPerEnergy => EnergyTce > 0 ? (Scope1 + Scope2Market) / EnergyTce : null;

    /// <summary>
    /// Clean tce / energy tce. Clean = on-site/park renewable electricity + green-contract electricity + grid
    /// electricity backed by retired certificates beyond the green-contract MWh, capped at the purchased MWh
    /// (so no MWh counts twice), all converted with the run's electricity method. Grid power's non-fossil
    /// share is not counted: without certificates it cannot be claimed. Null without energy use.
    /// </summary>
    public double? CleanEnergyShare => EnergyTce > 0 ? CleanEnergyTce / EnergyTce : null;

    public static CarbonAccount operator +(CarbonAccount a, CarbonAccount b)
    {
        var byCarrier = new Dictionary<FuelCarrier, CarrierAccount>(a.ByCarrier);
        foreach (var (carrier, part) in b.ByCarrier)
            byCarrier[carrier] = byCarrier.TryGetValue(carrier, out var sum) ? sum + part : part;
        return new CarbonAccount
        {
            Scope1Combustion = a.Scope1Combustion + b.Scope1Combustion,
            Scope1Process = a.Scope1Process + b.Scope1Process,
            Scope2Location = a.Scope2Location + b.Scope2Location,
            Scope2Market = a.Scope2Market + b.Scope2Market,
            EnergyTce = a.EnergyTce + b.EnergyTce,
            CleanEnergyTce = a.CleanEnergyTce + b.CleanEnergyTce,
            OutputValue10kCNY = a.OutputValue10kCNY + b.OutputValue10kCNY,
            ByCarrier = byCarrier,
        };
    }

    /// <summary>Sum in the given order (floating sums in a fixed order stay reproducible).</summary>
    public static CarbonAccount Sum(IEnumerable<CarbonAccount> accounts) => accounts.Aggregate(Zero, (sum, a) => sum + a);
}
