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
    [InlineData("not json at all")]
    [InlineData("""{"who": "half \ud83d"}""")]
    [InlineData("""{"\udc00": 1}""")]
    public void Pretty_ShowsTheTextUnchanged_WhenItCannotBeWrittenBackAsJson(string text)
    {
        Assert.Equal(text, JsonText.Pretty(text));
    }
}
