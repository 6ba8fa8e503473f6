using WebhookConsole.Components.Shared;

namespace WebhookConsole.Tests.Components.Shared;

public sealed class JsonTextTests
{
    [Fact]
    public void Pretty_IndentsJson_AndKeepsNonAsciiTextAsItIs()
    {
        Assert.Equal("{\n  \"who\": \"José שלום\"\n}", JsonText.Pretty("""{"who":"Jos\u00e9 שלום"}"""));
    }

    [Theory]
    [InlineData("""{"say":"\ud83d\ude00 ok"}""", "{\n  \"say\": \"\U0001F600 ok\"\n}")]
    [InlineData("""{"say":"😀 ok 🇮🇱"}""", "{\n  \"say\": \"😀 ok 🇮🇱\"\n}")]
    [InlineData("""{"\ud83d\udcde":"call"}""", "{\n  \"📞\": \"call\"\n}")]
    [InlineData("""{"path":"C:\\ud83d\\ude00"}""", "{\n  \"path\": \"C:\\\\ud83d\\\\ude00\"\n}")]
    public void Pretty_ShowsCharactersBeyondTheBasicPlaneAsThemselves(string json, string shown)
    {
        Assert.Equal(shown, JsonText.Pretty(json));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"who": "half \ud83d"}""")]
    [InlineData("""{"\udc00": 1}""")]
    public void Pretty_ShowsTheTextUnchanged_WhenItCannotBeWrittenBackAsJson(string text)
    {
        Assert.Equal(text, JsonText.Pretty(text));
    }
}
