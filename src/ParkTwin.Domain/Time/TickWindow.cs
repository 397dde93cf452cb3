namespace ParkTwin.Domain.Time;

/// <summary>A batch of consecutive hours stepped in one call: hours [StartHour, StartHour + Hours) of the year.</summary>
public readonly record struct TickWindow(int Tick, int StartHour, int Hours)
{
    public int EndHour => StartHour + Hours;
}

/// <summary>How many hours a tick batches. Results never depend on it, only speed does.</summary>
public enum TickLength { Day, Week, Month }
