using System.Text.Json;

namespace ParkTwin.Domain.Markets;

/// <summary>
/// Reads <c>{ "rule", "offers": [ { "id", "quantity", "price" } ], "bids": [...] }</c> (the input of
/// <c>parktwin market clear</c>) by walking the document, so every error names its field path (e.g.
/// <c>offers[2].price</c>). Unknown and repeated fields are errors: a typo must not silently drop an order.
/// </summary>
public static class OrderBookParser
{
    static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    public static readonly IReadOnlyDictionary<string, PricingRule> RuleNames = new Dictionary<string, PricingRule>(StringComparer.Ordinal)
    {
        ["pay-as-clear"] = PricingRule.PayAsClear,
        ["pay-as-bid"] = PricingRule.PayAsBid,
    };

    public static OrderBook ParseFile(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "file does not exist");
        return Parse(File.ReadAllText(path));
    }

    public static OrderBook Parse(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json, Options); }
        catch (JsonException e)
        {
            throw new InputException("$", $"malformed JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}");
        }
        using (document)
        {
            var f = Fields(document.RootElement, "", "rule", "offers", "bids");
            var ruleName = Text(Required(f, "rule", ""), "rule");
            if (!RuleNames.TryGetValue(ruleName, out var rule))
                throw new InputException("rule", $"unknown rule '{ruleName}'; expected one of {string.Join(", ", RuleNames.Keys)}");
            var book = new OrderBook(rule, Orders(f, "offers"), Orders(f, "bids"));
            book.Validate(); // ids unique across both sides
            return book;
        }
    }

    static List<Order> Orders(Dictionary<string, JsonElement> fields, string name)
    {
        var list = Required(fields, name, "");
        if (list.ValueKind != JsonValueKind.Array) throw new InputException(name, "must be an array");
        return list.EnumerateArray().Select((element, i) =>
        {
            var path = $"{name}[{i}]";
            var f = Fields(element, path, "id", "quantity", "price");
            return new Order(
                Text(Required(f, "id", path), $"{path}.id"),
                Amount(Required(f, "quantity", path), $"{path}.quantity"),
                Amount(Required(f, "price", path), $"{path}.price"));
        }).ToList();
    }

    static Dictionary<string, JsonElement> Fields(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new InputException(path == "" ? "$" : path, "must be an object");
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = Join(path, property.Name);
            if (!allowed.Contains(property.Name)) throw new InputException(fieldPath, $"unknown field; expected one of {string.Join(", ", allowed)}");
            if (!fields.TryAdd(property.Name, property.Value)) throw new InputException(fieldPath, "field appears twice");
        }
        return fields;
    }

    static JsonElement Required(Dictionary<string, JsonElement> fields, string name, string path) =>
        fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : throw new InputException(Join(path, name), "required");

    static string Text(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text ? text : throw new InputException(path, "must be a non-empty string");

    /// <summary>A finite, non-negative number (JSON has no NaN or infinity literals; 1e999 overflows to infinity).</summary>
    static double Amount(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number) throw new InputException(path, "must be a number");
        if (!element.TryGetDouble(out var value) || !double.IsFinite(value)) throw new InputException(path, "must be a finite number");
        if (value < 0) throw new InputException(path, $"must not be negative (got {value})");
        return value;
    }

    static string Join(string path, string name) => path == "" ? name : $"{path}.{name}";
}
