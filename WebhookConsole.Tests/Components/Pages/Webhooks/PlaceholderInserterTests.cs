using System.Text.Json.Nodes;
using WebhookConsole.Components.Pages.Webhooks;

namespace WebhookConsole.Tests.Components.Pages.Webhooks;

public sealed class PlaceholderInserterTests
{
    [Fact]
    public void Insert_PutsPlaceholderAtCaret_WhenCaretIsInsideAString()
    {
        var template = """{"who": "caller "}""";

        var result = PlaceholderInserter.Insert(template, "caller_id_number", template.IndexOf("caller ", StringComparison.Ordinal) + 7);

        Assert.Equal("""{"who": "caller {{ caller_id_number }}"}""", result);
    }

    [Fact]
    public void Insert_AddsAField_WhenCaretIsOutsideStrings()
    {
        var result = PlaceholderInserter.Insert("""{"event": 1}""", "meta.event", 0);

        var body = JsonNode.Parse(result)!.AsObject();
        Assert.Equal(1, body["event"]!.GetValue<int>());
        Assert.Equal("{{ meta.event }}", body["meta_event"]!.GetValue<string>());
    }

    [Fact]
    public void Insert_AppendsThePlaceholder_WhenTemplateHoldsHalfASurrogatePair()
    {
        var template = """{"who": "\ud83d"}""";

        var result = PlaceholderInserter.Insert(template, "duration", template.Length);

        Assert.Equal(template + "{{ duration }}", result);
    }

    [Fact]
    public void Insert_StartsAnObject_WhenTemplateIsEmpty()
    {
        var result = PlaceholderInserter.Insert("", "duration", null);

        Assert.Equal("{{ duration }}", JsonNode.Parse(result)!["duration"]!.GetValue<string>());
    }

    [Fact]
    public void InsideString_IgnoresEscapedQuotes()
    {
        var text = """{"a": "x\"y """;

        Assert.True(PlaceholderInserter.InsideString(text, text.Length));
    }

    [Fact]
    public void Fields_ListNestedSampleFieldsAsDotPaths()
    {
        var fields = TemplateFields.Of("""{"call": {"id": "1", "from": {"number": "+1"}}, "duration": 60, "tags": []}""");

        Assert.Equal(["call.id", "call.from.number", "duration", "tags"], fields);
        Assert.Contains("meta.event", TemplateFields.Meta);
    }
}
