namespace ParkTwin.Domain.Twin;

/// <summary>
/// What an asset delivered in a tick, hour by hour: electricity in MWh (for storage the net flow: + discharge,
/// − charge), heat in GJ, and the tick's row of booked metrics (generation, fuel, Scope 1).
/// </summary>
public sealed record AssetOutput(double[] Electricity, double[] Heat, double[] Row);
