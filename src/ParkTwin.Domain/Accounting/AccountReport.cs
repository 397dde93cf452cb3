using System.Text.Json;
using System.Text.Json.Serialization;
using ParkTwin.Domain.Energy;
using ParkTwin.Domain.Factors;

namespace ParkTwin.Domain.Accounting;

/// <summary>The factors a report was computed with, so a reader can redo the arithmetic.</summary>
public sealed record ReportBasis(int Year, string Province, double GridFactor, double ResidualFactor, string ElectricityMethod, double ElectricityTcePerMWh);

/// <summary>Account and indicators of one enterprise or shared facility; tonnes CO2 and tce, unrounded.</summary>
public sealed record EntityReport(
    string Id, double Scope1Combustion, double Scope1Process, double Scope2Location, double Scope2Market, double EnergyTce,
    double? CarbonPerEnergy, double? CleanEnergyShare, IReadOnlyDictionary<string, CarrierAccount> ByCarrier, IReadOnlyList<Indicator> Indicators);

/// <summary>The park total (enterprises + shared facilities), its core threshold and whether the core indicator passes.</summary>
public sealed record ParkReport(
    double Scope1Combustion, double Scope1Process, double Scope2Location, double Scope2Market, double EnergyTce,
    double? CarbonPerEnergy, double? CleanEnergyShare, IReadOnlyDictionary<string, CarrierAccount> ByCarrier, IReadOnlyList<Indicator> Indicators,
    double Threshold, bool CorePass);

/// <summary>The output of <c>parktwin account</c>.</summary>
public sealed record AccountReport(ReportBasis Basis, IReadOnlyList<EntityReport> Enterprises, IReadOnlyList<EntityReport> SharedFacilities, ParkReport Park)
{
    /// <summary>camelCase, indented, numbers as shortest round-trip doubles (no rounding), nulls written.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static AccountReport Build(AccountInput input, FactorTable factors, IndicatorTable indicators, ElectricityMethod method)
    {
        var basis = AccountingBasis.For(factors, input.Province, input.Year, method, input.GridFactor, input.ResidualFactor);
        var enterprises = input.Enterprises.Select(e => (e, CarbonAccounting.Account(e.Activity, basis))).ToList();
        var shared = input.SharedFacilities.Select(e => (e, CarbonAccounting.Account(e.Activity, basis))).ToList();
        var park = CarbonAccount.Sum(enterprises.Concat(shared).Select(x => x.Item2));
        var threshold = indicators.CoreThreshold(park.EnergyTce);
        var parkIndicators = ParkIndicators.Evaluate(park, input.Park, indicators, threshold);

        EntityReport Entity((AccountEntity Entity, CarbonAccount Account) x) => new(
            x.Entity.Id, x.Account.Scope1Combustion, x.Account.Scope1Process, x.Account.Scope2Location, x.Account.Scope2Market, x.Account.EnergyTce,
            x.Account.CarbonPerEnergy, x.Account.CleanEnergyShare, Carriers(x.Account),
            ParkIndicators.Evaluate(x.Account, x.Entity.Activity.Indicators, indicators, threshold));

        return new AccountReport(
            new ReportBasis(input.Year, input.Province, basis.GridFactor, basis.ResidualFactor,
                method == ElectricityMethod.CoalEquivalent ? "coal" : "calorific", basis.ElectricityTcePerMWh),
            enterprises.Select(Entity).ToList(),
            shared.Select(Entity).ToList(),
            new ParkReport(park.Scope1Combustion, park.Scope1Process, park.Scope2Location, park.Scope2Market, park.EnergyTce,
                park.CarbonPerEnergy, park.CleanEnergyShare, Carriers(park), parkIndicators,
                threshold, parkIndicators.Single(i => i.Name == IndicatorNames.CarbonPerEnergy).Passed));
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    // Carriers in enum order, so the output does not depend on input order.
    static IReadOnlyDictionary<string, CarrierAccount> Carriers(CarbonAccount account) =>
        EnergyNames.AllCarriers.Where(account.ByCarrier.ContainsKey).ToDictionary(c => c.Name(), c => account.ByCarrier[c]);
}
