using System.Reflection;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ParkTwin.Domain.Data;

/// <summary>
/// The shipped data files (simulations/data/*.yaml, embedded in this assembly): every factor, threshold and
/// default with its source. A scenario or input file may override any value read from them.
/// </summary>
public static class DataFiles
{
    public static string ReadText(string fileName)
    {
        var name = "ParkTwin.Data." + fileName;
        using var stream = typeof(DataFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"data file {fileName} is not embedded in {typeof(DataFiles).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>YAML with camelCase keys; unknown keys are errors so that a typo in a data file cannot pass silently.</summary>
    public static T ReadYaml<T>(string fileName) => ParseYaml<T>(ReadText(fileName));

    public static T ParseYaml<T>(string yaml) =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<T>(yaml);
}
