using System.Text.Json.Nodes;
using WebhookConsole.Api;

namespace WebhookConsole.Tests.Api;

public sealed class LoneSurrogatesTests
{
    public static TheoryData<string, int, int> Lone => new()
    {
        { """{"name": "half \ud83d"}""", 1, 10 },
        { """{"name": "\ude00 low first"}""", 1, 10 },
        { """{"name": "\ude00\ud83d"}""", 1, 10 },
        { """{"name": "two highs \ud83d\ud83d"}""", 1, 10 },
        { """{"ke\ud800y": 1}""", 1, 2 },
        { "{\n  \"a\": [1, \"fine\",\n    \"\\udbff\"]}", 3, 5 },
        { """{"a": {"b": {"c": "x"}}, "d": "\udfff"}""", 1, 31 },
    };

    [Theory]
    [MemberData(nameof(Lone))]
    public void Find_GivesWhereTheStringStarts_WhenItHoldsHalfAPair(string json, int line, int column)
    {
        Assert.Equal((line, column), LoneSurrogates.Find(json));
    }

    [Theory]
    [InlineData("""{"name": "whole \ud83d\ude00 pair"}""")]
    [InlineData("""{"name": "caf\u00e9 \u0000 \n \\ud83d as text"}""")]
    [InlineData("""{"name": "😀 written out", "n": 1}""")]
    [InlineData("""[1, true, null, {"a": []}]""")]
    public void Find_GivesNull_WhenEveryStringIsWholeText(string json)
    {
        Assert.Null(LoneSurrogates.Find(json));
    }

    [Fact]
    public void Find_FlagsExactlyWhatTheJsonNodesCannotRead()
    {
        // The reason for the check: such a document parses, then fails where the string is read or written.
        var node = JsonNode.Parse("""{"name": "half \ud83d"}""")!;

        Assert.Throws<InvalidOperationException>(() => node["name"]!.GetValue<string>());
        Assert.Throws<InvalidOperationException>(() => node.ToJsonString());
    }
}
