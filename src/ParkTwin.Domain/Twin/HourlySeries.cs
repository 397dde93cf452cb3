namespace ParkTwin.Domain.Twin;

/// <summary>The hourly values of the current period (the last tick) a twin keeps for queries and dashboards.</summary>
public sealed class HourlySeries(int hours)
{
    public static readonly HourlySeries Empty = new(0);

    public double[] Scope1 { get; } = new double[hours];
    public double[] Scope2Market { get; } = new double[hours];
    public double[] GridElectricity { get; } = new double[hours];
}
