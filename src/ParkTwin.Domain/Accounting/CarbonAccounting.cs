using ParkTwin.Domain.Energy;

namespace ParkTwin.Domain.Accounting;

/// <summary>Turns activity data into a carbon account (CO2 only). Formulas in docs/accounting.md.</summary>
public static class CarbonAccounting
{
    public static CarbonAccount Account(ActivityData data, AccountingBasis basis)
    {
        var factors = basis.Factors;
        var byCarrier = new Dictionary<FuelCarrier, CarrierAccount>();
        double combustion = 0, fuelTce = 0;
        foreach (var fuel in data.Fuels)
        {
            var part = new CarrierAccount(
                fuel.Quantity * factors.TonnesCo2PerUnit(fuel.Carrier, fuel.Unit),
                fuel.Quantity * factors.TcePerUnit(fuel.Carrier, fuel.Unit));
            byCarrier[fuel.Carrier] = byCarrier.TryGetValue(fuel.Carrier, out var sum) ? sum + part : part;
            combustion += part.Tco2;
            fuelTce += part.Tce;
        }

        double process = 0;
        foreach (var output in data.Process) process += output.Tonnes * factors.ProcessFactor(output.Product);

        var power = data.Electricity;
        var heatTco2 = data.HeatGJ * factors.HeatTco2PerGJ;
        // Certificates cover green-contract MWh first (bundled), then grid MWh; never more than was purchased.
        var cleanPurchased = Math.Min(power.PurchasedMWh, Math.Max(power.GreenMWh, power.CertificatesRetired));

        return new CarbonAccount
        {
            Scope1Combustion = combustion,
            Scope1Process = process,
            Scope2Location = power.PurchasedMWh * basis.GridFactor + heatTco2,
            Scope2Market = Math.Max(0, power.PurchasedMWh - power.CertificatesRetired) * basis.ResidualFactor + heatTco2,
            EnergyTce = fuelTce + power.ConsumedMWh * basis.ElectricityTcePerMWh + data.HeatGJ * factors.HeatTcePerGJ,
            CleanEnergyTce = (power.OnsiteMWh + cleanPurchased) * basis.ElectricityTcePerMWh,
            OutputValue10kCNY = data.OutputValue10kCNY,
            ByCarrier = byCarrier,
        };
    }
}
