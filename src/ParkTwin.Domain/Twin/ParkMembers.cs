using ParkTwin.Domain.Time;

namespace ParkTwin.Domain.Twin;

/// <summary>An enterprise's planned demand for a tick, hour by hour: electricity (MWh) and heat (GJ).</summary>
public sealed record EnterprisePlan(double[] Electricity, double[] Heat);

/// <summary>An enterprise's booked row for a tick and its plan for the next tick (null after the last).</summary>
public sealed record EnterpriseResult(double[] Row, EnterprisePlan? Next);

/// <summary>
/// How a park reaches its members: directly in the flat kernel, through grain calls in the twin. The park's
/// protocol (<see cref="ParkStepper"/>) is the same either way.
/// </summary>
public interface IParkMembers
{
    ValueTask<EnterprisePlan> PlanAsync(int enterprise, TickWindow window);
    ValueTask<AssetOutput> StepAssetAsync(int asset, TickWindow window, double[] signal);
    ValueTask<EnterpriseResult> SettleAsync(int enterprise, TickWindow window, EnterpriseSupply supply, TickWindow? next);
}
