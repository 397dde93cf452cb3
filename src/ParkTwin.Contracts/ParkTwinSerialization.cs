using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace ParkTwin.Contracts;

/// <summary>
/// Domain records (specs, profiles, settings) travel through Orleans' System.Text.Json codec, so the Domain
/// needs no Orleans attributes. Silos and clients both call this.
/// </summary>
public static class ParkTwinSerialization
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IServiceCollection AddParkTwinSerialization(this IServiceCollection services) =>
        services.AddSerializer(s => s.AddJsonSerializer(
            isSupported: t => t.Namespace?.StartsWith("ParkTwin.Domain", StringComparison.Ordinal) == true,
            JsonOptions));
}
