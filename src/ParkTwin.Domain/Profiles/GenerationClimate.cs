namespace ParkTwin.Domain.Profiles;

/// <summary>Monthly capacity factors by source and the provincial daily load shape that generation follows.</summary>
public sealed record GenerationClimate(
    double[] HydroMonthlyCapacityFactor,
    double[] WindMonthlyCapacityFactor,
    double[] PvMonthlyCapacityFactor,
    double[] ThermalMonthlyCapacityFactor,
    double[] LoadHourShape);
