using System.Text.Json.Nodes;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// One value of a compiled body template: an object or array of further nodes, a string to render with
/// Liquid, or a value copied as it is.
/// </summary>
internal sealed class BodyNode
{
    private readonly string[]? _keys;
    private readonly BodyNode[]? _items;
    private readonly LiquidTemplate? _liquid;
    private readonly string? _text;
    private readonly JsonNode? _constant;

    private BodyNode(string[]? keys, BodyNode[]? items, LiquidTemplate? liquid, string? text, JsonNode? constant)
    {
        _keys = keys;
        _items = items;
        _liquid = liquid;
        _text = text;
        _constant = constant;
    }

    public static BodyNode Object(string[] keys, BodyNode[] values) => new(keys, values, null, null, null);

    public static BodyNode Array(BodyNode[] items) => new(null, items, null, null, null);

    public static BodyNode Liquid(LiquidTemplate template) => new(null, null, template, null, null);

    public static BodyNode Text(string text) => new(null, null, null, text, null);

    /// <summary>A number, true, false or null (as a null node) from the template, copied on every render.</summary>
    public static BodyNode Constant(JsonNode? value) => new(null, null, null, null, value);

    public JsonNode? Render(LiquidContext context)
    {
        if (_liquid is not null)
        {
            return _liquid.Render(context);
        }
        if (_text is not null)
        {
            return JsonValue.Create(_text);
        }
        if (_keys is not null)
        {
            var obj = new JsonObject();
            for (var i = 0; i < _keys.Length; i++)
            {
                obj.Add(_keys[i], _items![i].Render(context));
            }
            return obj;
        }
        if (_items is not null)
        {
            var array = new JsonArray();
            foreach (var item in _items)
            {
                array.Add(item.Render(context));
            }
            return array;
        }
        return _constant?.DeepClone();
    }
}
