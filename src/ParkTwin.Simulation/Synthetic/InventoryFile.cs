using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ParkTwin.Domain;
using ParkTwin.Domain.Catalogue;
using ParkTwin.Domain.Inventory;

namespace ParkTwin.Simulation.Synthetic;

/// <summary>
/// The inventory as indented JSON (camelCase, enums as snake_case strings, absent values omitted). The same
/// inventory always gives the same bytes. Reading validates it and reports problems as <see cref="InputException"/>
/// with the path of the offending field, e.g. <c>enterprises[12].park</c>.
/// </summary>
public static class InventoryFile
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        AllowTrailingCommas = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string ToJson(ProvinceInventory inventory) => JsonSerializer.Serialize(inventory, Options) + "\n";

    public static void Write(string path, ProvinceInventory inventory)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, ToJson(inventory), new UTF8Encoding(false));
    }

    public static ProvinceInventory Read(string path, IndustryCatalogue? catalogue = null)
    {
        if (!File.Exists(path)) throw new InputException(path, "inventory file not found");
        return Parse(File.ReadAllText(path), catalogue);
    }

    public static ProvinceInventory Parse(string json, IndustryCatalogue? catalogue = null)
    {
        ProvinceInventory? inventory;
        try
        {
            inventory = JsonSerializer.Deserialize<ProvinceInventory>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            throw new InputException(JsonPath(e.Path), FirstSentence(e.Message) + where);
        }
        if (inventory is null) throw new InputException("$", "the file holds no inventory");
        InventoryValidator.Validate(inventory, catalogue ?? IndustryCatalogue.Default);
        return inventory;
    }

    /// <summary>"$.enterprises[12].park" → "enterprises[12].park".</summary>
    static string JsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
