namespace ParkTwin.Domain.Twin;

/// <summary>
/// A battery following a balance signal: it charges from surplus (signal &gt; 0) and discharges into deficit
/// (signal &lt; 0), within its power and energy limits. Losses are taken on the way in (√η) and on the way out (√η).
/// </summary>
public sealed class StorageDispatch(double powerMW, double energyMWh, double roundTripEfficiency, double stateOfChargeMWh)
{
    readonly double legEfficiency = Math.Sqrt(roundTripEfficiency);

    public double StateOfChargeMWh { get; private set; } = stateOfChargeMWh;

    /// <summary>Sets the state of charge a snapshot recorded.</summary>
    public void Restore(double stateOfChargeMWh) => StateOfChargeMWh = stateOfChargeMWh;

    /// <summary>Returns the hourly net flow to the system: + discharged MWh delivered, − MWh drawn to charge.</summary>
    public double[] Follow(ReadOnlySpan<double> balance)
    {
        var flow = new double[balance.Length];
        for (var i = 0; i < balance.Length; i++)
        {
            if (balance[i] > 0)
            {
                var room = (energyMWh - StateOfChargeMWh) / legEfficiency;
                var drawn = Math.Min(Math.Min(balance[i], powerMW), room);
                StateOfChargeMWh += drawn * legEfficiency;
                flow[i] = -drawn;
            }
            else if (balance[i] < 0)
            {
                var available = StateOfChargeMWh * legEfficiency;
                var delivered = Math.Min(Math.Min(-balance[i], powerMW), available);
                StateOfChargeMWh -= delivered / legEfficiency;
                flow[i] = delivered;
            }
        }
        return flow;
    }
}
