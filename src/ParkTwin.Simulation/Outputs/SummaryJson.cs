using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParkTwin.Simulation.Outputs;

/// <summary>
/// Writes run summaries (and any other small JSON outputs) deterministically: indented, camelCase,
/// LF line endings, properties in declaration order, doubles in shortest round-trip form, UTF-8 without BOM,
/// one trailing LF.
/// </summary>
/// <remarks>
/// System.Text.Json is culture-invariant. Non-finite doubles are rejected (strict number handling), matching
/// <see cref="TidySeriesWriter"/>. Dictionaries are written in their enumeration order, so use
/// <see cref="SortedDictionary{TKey,TValue}"/> (ordinal keys) or an ordered list when order must be stable.
/// </remarks>
public static class SummaryJson
{
    /// <summary>Conventional file name of a run summary inside an output directory.</summary>
    public const string FileName = "summary.json";

    /// <summary>The (read-only) serializer options used for every ParkTwin JSON output; reuse them in other writers.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes <paramref name="value"/> to <paramref name="path"/> (a file path, normally
    /// <c>Path.Combine(dir, SummaryJson.FileName)</c>), creating the directory if needed. Written to a
    /// <c>.tmp</c> sibling first and moved into place, so readers never see a half-written file.</summary>
    public static async Task WriteAsync<T>(string path, T value, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
            Directory.CreateDirectory(dir);
        string tmp = path + ".tmp";
        try
        {
            await using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 14, useAsync: true))
            {
                await JsonSerializer.SerializeAsync(stream, value, Options, ct);
                stream.WriteByte((byte)'\n');
            }
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(tmp); } catch (IOException) { }
            throw;
        }
    }

    /// <summary>The exact text <see cref="WriteAsync{T}"/> writes (including the trailing LF).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            NumberHandling = JsonNumberHandling.Strict,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
