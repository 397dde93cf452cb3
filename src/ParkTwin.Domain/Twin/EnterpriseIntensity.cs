using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Energy;
using ParkTwin.Domain.Inventory;

namespace ParkTwin.Domain.Twin;

/// <summary>
/// Per unit of output, everything an enterprise consumes and emits directly: the industry's intensities scaled
/// by the enterprise's efficiency, turned into tCO2, tce and GJ with the run's factors. Computed once per run.
/// </summary>
public sealed record EnterpriseIntensity
{
    public double ElectricityMWh { get; init; }
    public double HeatGJ { get; init; }
    public double Value10kCny { get; init; }
    public double FuelTce { get; init; }
    public double Scope1Combustion { get; init; }
    public double Scope1Process { get; init; }
    public double[] Scope1ByCarrier { get; init; } = new double[6];
    public double[] FuelGJByCarrier { get; init; } = new double[6];

    public static EnterpriseIntensity Of(EnterpriseSpec enterprise, IndustryProfile industry, RunFactors factors)
    {
        var efficiency = enterprise.Efficiency;
        var scope1 = new double[6];
        var fuelGJ = new double[6];
        var tce = 0.0;
        foreach (var fuel in industry.Fuels)
        {
            var quantity = fuel.PerUnit * efficiency;
            scope1[(int)fuel.Carrier] += quantity * factors.Co2(fuel.Carrier, fuel.Unit);
            fuelGJ[(int)fuel.Carrier] += quantity * factors.GJ(fuel.Carrier, fuel.Unit);
            tce += quantity * factors.Tce(fuel.Carrier, fuel.Unit);
        }
        // Process emissions follow the chemistry of the product, not the plant's energy efficiency.
        var process = industry.Process.Sum(p => p.PerUnit * factors.Process(p.Product));
        return new EnterpriseIntensity
        {
            ElectricityMWh = industry.ElectricityMWhPerUnit * efficiency,
            HeatGJ = industry.HeatGJPerUnit * efficiency,
            Value10kCny = industry.ValuePerUnit,
            FuelTce = tce,
            Scope1Combustion = scope1.Sum(),
            Scope1Process = process,
            Scope1ByCarrier = scope1,
            FuelGJByCarrier = fuelGJ,
        };
    }
}
