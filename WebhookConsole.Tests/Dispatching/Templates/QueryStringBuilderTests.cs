using System.Text.Json.Nodes;
using WebhookConsole.Dispatching.Templates;
using Xunit;

namespace WebhookConsole.Tests.Dispatching.Templates;

public sealed class QueryStringBuilderTests
{
    [Fact]
    public void AppendQuery_StartsQuery_WhenUrlHasNone()
    {
        // Arrange
        var fields = Fields("""{"event": "call.completed", "duration": 60}""");

        // Act
        var url = QueryStringBuilder.AppendQuery("https://example.com/hook", fields);

        // Assert
        Assert.Equal("https://example.com/hook?event=call.completed&duration=60", url);
    }

    [Fact]
    public void AppendQuery_KeepsUrlParametersFirst_WhenUrlHasQuery()
    {
        // Arrange
        var fields = Fields("""{"a": "2", "b": "x"}""");

        // Act
        var url = QueryStringBuilder.AppendQuery("https://example.com/hook?a=1&token=s%20t", fields);

        // Assert
        Assert.Equal("https://example.com/hook?a=1&token=s%20t&a=2&b=x", url);
    }

    [Theory]
    [InlineData("https://example.com/hook?", "https://example.com/hook?k=v")]
    [InlineData("https://example.com/hook?a=1&", "https://example.com/hook?a=1&k=v")]
    public void AppendQuery_AddsNoEmptyParameter_WhenUrlEndsWithSeparator(string baseUrl, string expected)
    {
        // Act
        var url = QueryStringBuilder.AppendQuery(baseUrl, Fields("""{"k": "v"}"""));

        // Assert
        Assert.Equal(expected, url);
    }

    [Theory]
    [InlineData("two words", "two%20words")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("a&b=c", "a%26b%3Dc")]
    [InlineData("?#/%:@!$'()*,;[]", "%3F%23%2F%25%3A%40%21%24%27%28%29%2A%2C%3B%5B%5D")]
    [InlineData("keep-._~AZaz09", "keep-._~AZaz09")]
    [InlineData("\"quote\" \\ back\nline\ttab", "%22quote%22%20%5C%20back%0Aline%09tab")]
    [InlineData("שלום", "%D7%A9%D7%9C%D7%95%D7%9D")]
    [InlineData("你好", "%E4%BD%A0%E5%A5%BD")]
    [InlineData("مرحبا", "%D9%85%D8%B1%D8%AD%D8%A8%D8%A7")]
    [InlineData("🎉", "%F0%9F%8E%89")]
    [InlineData("é", "%C3%A9")]
    public void AppendQuery_PercentEncodesValue_WhenValueHasReservedOrUnicodeCharacters(string value, string expected)
    {
        // Arrange
        var fields = new JsonObject { ["v"] = value };

        // Act
        var url = QueryStringBuilder.AppendQuery("https://example.com/", fields);

        // Assert
        Assert.Equal("https://example.com/?v=" + expected, url);
    }

    [Fact]
    public void AppendQuery_PercentEncodesName_WhenNameHasReservedCharacters()
    {
        // Arrange
        var fields = new JsonObject { ["first name&x=1"] = "Ada", ["שם"] = "x" };

        // Act
        var url = QueryStringBuilder.AppendQuery("https://example.com/", fields);

        // Assert
        Assert.Equal("https://example.com/?first%20name%26x%3D1=Ada&%D7%A9%D7%9D=x", url);
    }

    [Fact]
    public void AppendQuery_WritesJsonForms_WhenValuesAreNotStrings()
    {
        // Arrange
        var fields = Fields("""
            {"int": 60, "dec": 60.5, "neg": -1, "big": 12345678901234567890123, "exp": 1e300,
             "yes": true, "no": false, "none": null, "obj": {"a": "b c", "n": [1, null]}, "arr": [1, "x"], "empty": ""}
            """);

        // Act
        var url = QueryStringBuilder.AppendQuery("https://example.com/h", fields);

        // Assert
        Assert.Equal(
            "https://example.com/h?int=60&dec=60.5&neg=-1&big=12345678901234567890123&exp=1e300&yes=true&no=false&none="
            + "&obj=%7B%22a%22%3A%22b%20c%22%2C%22n%22%3A%5B1%2Cnull%5D%7D&arr=%5B1%2C%22x%22%5D&empty=",
            url);
    }

    [Fact]
    public void AppendQuery_KeepsFragmentLast_WhenUrlHasFragment()
    {
        // Act
        var url = QueryStringBuilder.AppendQuery("https://example.com/p?a=1#section-2", Fields("""{"b": "2"}"""));

        // Assert
        Assert.Equal("https://example.com/p?a=1&b=2#section-2", url);
    }

    [Fact]
    public void AppendQuery_PutsQueryBeforeFragment_WhenUrlHasFragmentButNoQuery()
    {
        // Act
        var url = QueryStringBuilder.AppendQuery("https://example.com/p#top", Fields("""{"b": "2"}"""));

        // Assert
        Assert.Equal("https://example.com/p?b=2#top", url);
    }

    [Fact]
    public void AppendQuery_ReturnsUrlUnchanged_WhenThereAreNoFields()
    {
        // Act
        var url = QueryStringBuilder.AppendQuery("https://example.com/p?a=1#f", []);

        // Assert
        Assert.Equal("https://example.com/p?a=1#f", url);
    }

    [Fact]
    public void AppendQuery_EncodesReplacementCharacter_WhenTextHasLoneSurrogate()
    {
        // Arrange
        var fields = Fields("""{"half": "a\ud83d"}""");

        // Act
        var url = QueryStringBuilder.AppendQuery("https://example.com/", fields);

        // Assert
        Assert.Equal("https://example.com/?half=a%EF%BF%BD", url);
    }

    [Fact]
    public void AppendQuery_EncodesRenderedBody_WhenBodyComesFromTemplate()
    {
        // Arrange
        var input = new TemplateInput(
            "call.completed", "evt_1", new DateTime(2024, 7, 30, 14, 35, 0, 123, DateTimeKind.Utc), "production", "acc", "wh", "del",
            Fields("""{"duration": 60, "caller": {"name": "Ada & Co"}}"""), Fields("""{"source": "crm+"}"""));
        var body = new TemplateRenderer().Render("""{"d": "{{ duration }}", "who": "{{ caller.name }}", "at": "{{ meta.timestamp }}"}""", input);

        // Act
        var url = QueryStringBuilder.AppendQuery("https://example.com/in?x=1", body);

        // Assert
        Assert.Equal("https://example.com/in?x=1&d=60&who=Ada%20%26%20Co&at=2024-07-30T14%3A35%3A00.123Z&source=crm%2B", url);
    }

    private static JsonObject Fields(string json) => JsonNode.Parse(json)!.AsObject();
}
