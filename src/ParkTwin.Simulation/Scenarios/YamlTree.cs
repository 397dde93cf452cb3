using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ParkTwin.Simulation.Scenarios;

/// <summary>
/// A YAML document as JSON (for the schema), with the position of every node by its JSON pointer. Plain scalars
/// take the YAML 1.2 core types (null, booleans, integers, floats); quoted scalars stay strings.
/// </summary>
sealed partial class YamlTree
{
    public readonly record struct Place(string Path, long Line, long Column);

    readonly Dictionary<string, Place> places = new(StringComparer.Ordinal);

    public JsonNode? Root { get; private set; }

    public static YamlTree Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var tree = new YamlTree();
        if (stream.Documents.Count == 0) return tree;
        var root = stream.Documents[0].RootNode;
        tree.places[""] = new Place("(file)", root.Start.Line, root.Start.Column);
        tree.Root = tree.Convert(root, "", "");
        return tree;
    }

    /// <summary>Where the node at this pointer (or its nearest ancestor) starts.</summary>
    public Place PlaceOf(string pointer)
    {
        while (true)
        {
            if (places.TryGetValue(pointer, out var place)) return place;
            if (pointer.Length == 0) return new Place("(file)", 1, 1);
            pointer = pointer[..pointer.LastIndexOf('/')];
        }
    }

    public static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");

    JsonNode? Convert(YamlNode node, string pointer, string path)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (keyNode, value) in map.Children)
                {
                    var key = keyNode is YamlScalarNode s ? s.Value ?? "" : keyNode.ToString();
                    var childPointer = pointer + "/" + Escape(key);
                    var childPath = path.Length == 0 ? key : path + "." + key;
                    places[childPointer] = new Place(childPath, keyNode.Start.Line, keyNode.Start.Column);
                    obj[key] = Convert(value, childPointer, childPath);
                }
                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    var item = seq.Children[i];
                    var childPointer = pointer + "/" + i.ToString(CultureInfo.InvariantCulture);
                    var childPath = $"{path}[{i}]";
                    places[childPointer] = new Place(childPath, item.Start.Line, item.Start.Column);
                    array.Add(Convert(item, childPointer, childPath));
                }
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any)) return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL") return null;
        if (text is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
