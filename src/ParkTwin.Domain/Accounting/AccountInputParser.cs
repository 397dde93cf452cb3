using System.Text.Json;
using ParkTwin.Domain.Energy;
using ParkTwin.Domain.Factors;

namespace ParkTwin.Domain.Accounting;

/// <summary>
/// Reads account input JSON by walking the document, so every error names its field path
/// (e.g. <c>enterprises[0].fuels[1].unit</c>). Unknown and repeated fields are errors too: a typo must not
/// silently drop data from an account.
/// </summary>
public static class AccountInputParser
{
    static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    public static AccountInput ParseFile(string path, FactorTable factors)
    {
        if (!File.Exists(path)) throw new InputException(path, "file does not exist");
        return Parse(File.ReadAllText(path), factors);
    }

    public static AccountInput Parse(string json, FactorTable factors)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json, Options); }
        catch (JsonException e)
        {
            throw new InputException("$", $"malformed JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}");
        }
        using (document) return ReadInput(document.RootElement, factors);
    }

    static AccountInput ReadInput(JsonElement root, FactorTable factors)
    {
        var f = Fields(root, "", "year", "province", "gridFactor", "residualFactor", "enterprises", "sharedFacilities", "park");
        var year = Required(f, "year", "") is var y && y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var n) && n is >= 1900 and <= 2200
            ? n : throw new InputException("year", "must be a whole year between 1900 and 2200");
        var province = Text(Required(f, "province", ""), "province");
        var grid = OptionalAmount(f, "gridFactor", "");
        var residual = OptionalAmount(f, "residualFactor", "");
        if (grid is null && !factors.HasGridRegion(province))
            throw new InputException("province", $"no grid factor for '{province}' in the data file; give gridFactor or one of: {string.Join(", ", factors.GridFactors.Keys)}");

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var enterprises = Array(Required(f, "enterprises", ""), "enterprises").Select((e, i) => ReadEntity(e, $"enterprises[{i}]", factors, ids)).ToList();
        var shared = f.TryGetValue("sharedFacilities", out var s)
            ? Array(s, "sharedFacilities").Select((e, i) => ReadEntity(e, $"sharedFacilities[{i}]", factors, ids)).ToList()
            : [];
        return new AccountInput
        {
            Year = year,
            Province = province,
            GridFactor = grid,
            ResidualFactor = residual,
            Enterprises = enterprises,
            SharedFacilities = shared,
            Park = f.TryGetValue("park", out var p) ? ReadIndicatorData(p, "park") : null,
        };
    }

    static AccountEntity ReadEntity(JsonElement element, string path, FactorTable factors, Dictionary<string, string> ids)
    {
        var f = Fields(element, path, "id", "industry", "fuels", "process", "electricity", "heatGJ", "outputValue10kCNY", "indicatorData");
        var idPath = $"{path}.id";
        var id = Text(Required(f, "id", path), idPath);
        if (!ids.TryAdd(id, idPath)) throw new InputException(idPath, $"duplicate id '{id}' (also {ids[id]})");
        var industry = f.TryGetValue("industry", out var ind) ? Text(ind, $"{path}.industry") : null;

        var fuels = f.TryGetValue("fuels", out var fu) ? Array(fu, $"{path}.fuels").Select((e, i) => ReadFuel(e, $"{path}.fuels[{i}]", factors)).ToList() : [];
        var process = f.TryGetValue("process", out var pr) ? Array(pr, $"{path}.process").Select((e, i) => ReadProcess(e, $"{path}.process[{i}]", factors)).ToList() : [];
        var activity = new ActivityData
        {
            Fuels = fuels,
            Process = process,
            Electricity = f.TryGetValue("electricity", out var el) ? ReadElectricity(el, $"{path}.electricity") : ElectricityUse.None,
            HeatGJ = OptionalAmount(f, "heatGJ", path) ?? 0,
            OutputValue10kCNY = OptionalAmount(f, "outputValue10kCNY", path) ?? 0,
            Indicators = f.TryGetValue("indicatorData", out var d) ? ReadIndicatorData(d, $"{path}.indicatorData") : null,
        };
        return new AccountEntity(id, industry, activity);
    }

    static FuelUse ReadFuel(JsonElement element, string path, FactorTable factors)
    {
        var f = Fields(element, path, "carrier", "quantity", "unit");
        var carrierName = Text(Required(f, "carrier", path), $"{path}.carrier");
        if (!EnergyNames.TryParseCarrier(carrierName, out var carrier))
            throw new InputException($"{path}.carrier", $"unknown carrier '{carrierName}'; expected one of {string.Join(", ", EnergyNames.CarrierNames)}");
        var quantity = Amount(Required(f, "quantity", path), $"{path}.quantity");
        var unitName = Text(Required(f, "unit", path), $"{path}.unit");
        if (!EnergyNames.TryParseUnit(unitName, out var unit))
            throw new InputException($"{path}.unit", $"unknown unit '{unitName}'; expected one of {string.Join(", ", EnergyNames.UnitNames)}");
        if (!factors.UnitFits(carrier, unit))
        {
            var fitting = EnergyNames.UnitNames.Where(u => EnergyNames.TryParseUnit(u, out var x) && factors.UnitFits(carrier, x));
            throw new InputException($"{path}.unit", $"unit '{unitName}' does not fit {carrierName}; use one of {string.Join(", ", fitting)}");
        }
        return new FuelUse(carrier, quantity, unit);
    }

    static ProcessOutput ReadProcess(JsonElement element, string path, FactorTable factors)
    {
        var f = Fields(element, path, "product", "quantity", "unit");
        var product = Text(Required(f, "product", path), $"{path}.product");
        if (!factors.HasProduct(product))
            throw new InputException($"{path}.product", $"unknown product '{product}'; expected one of {string.Join(", ", factors.ProcessFactors.Keys)}");
        var quantity = Amount(Required(f, "quantity", path), $"{path}.quantity");
        // Process factors are per tonne; the unit may be left out (tonnes).
        var unit = f.TryGetValue("unit", out var u) ? Text(u, $"{path}.unit") : "t";
        var tonnes = unit switch
        {
            "t" => quantity,
            "kg" => quantity / 1000,
            _ => throw new InputException($"{path}.unit", $"unknown unit '{unit}' for a product; expected t or kg"),
        };
        return new ProcessOutput(product, tonnes);
    }

    static ElectricityUse ReadElectricity(JsonElement element, string path)
    {
        var f = Fields(element, path, "gridMWh", "greenMWh", "certificatesRetired", "onsiteMWh");
        return new ElectricityUse(
            OptionalAmount(f, "gridMWh", path) ?? 0,
            OptionalAmount(f, "greenMWh", path) ?? 0,
            OptionalAmount(f, "certificatesRetired", path) ?? 0,
            OptionalAmount(f, "onsiteMWh", path) ?? 0);
    }

    static IndicatorData ReadIndicatorData(JsonElement element, string path)
    {
        var f = Fields(element, path, "solidWasteUtilisation", "wasteHeatUtilisation", "waterReuse");
        return new IndicatorData(Fraction(f, "solidWasteUtilisation", path), Fraction(f, "wasteHeatUtilisation", path), Fraction(f, "waterReuse", path));
    }

    // ---- JSON walking helpers; each names the path of what it reads ----

    static Dictionary<string, JsonElement> Fields(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new InputException(path == "" ? "$" : path, "must be an object");
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = Join(path, property.Name);
            if (!allowed.Contains(property.Name))
                throw new InputException(fieldPath, $"unknown field; expected one of {string.Join(", ", allowed)}");
            if (!fields.TryAdd(property.Name, property.Value)) throw new InputException(fieldPath, "field appears twice");
        }
        return fields;
    }

    static JsonElement Required(Dictionary<string, JsonElement> fields, string name, string path) =>
        fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new InputException(Join(path, name), "required");

    static IEnumerable<JsonElement> Array(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : throw new InputException(path, "must be an array");

    static string Text(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text
            ? text
            : throw new InputException(path, "must be a non-empty string");

    /// <summary>A finite, non-negative number.</summary>
    static double Amount(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number) throw new InputException(path, "must be a number");
        if (!element.TryGetDouble(out var value) || !double.IsFinite(value)) throw new InputException(path, "must be a finite number");
        if (value < 0) throw new InputException(path, $"must not be negative (got {value})");
        return value;
    }

    static double? OptionalAmount(Dictionary<string, JsonElement> fields, string name, string path) =>
        fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? Amount(value, Join(path, name)) : null;

    static double? Fraction(Dictionary<string, JsonElement> fields, string name, string path)
    {
        var value = OptionalAmount(fields, name, path);
        return value is > 1 ? throw new InputException(Join(path, name), $"must be a fraction between 0 and 1 (got {value})") : value;
    }

    static string Join(string path, string name) => path == "" ? name : $"{path}.{name}";
}
