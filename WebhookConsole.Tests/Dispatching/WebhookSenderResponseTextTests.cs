using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WebhookConsole.Dispatching;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Dispatching;

/// <summary>
/// How a receiver's answer becomes the text an attempt keeps: read in the charset its <c>Content-Type</c> declares
/// (or its byte order mark shows), UTF-8 otherwise, cut at 64 KiB without splitting a character.
/// </summary>
public sealed class WebhookSenderResponseTextTests : IAsyncLifetime
{
    private const string Text = "Café Zürich, £5 ÷ 2 = ½ «ÿ»";
    private TestReceiver receiver = null!;
    private ServiceProvider services = null!;
    private WebhookSender sender = null!;

    public async Task InitializeAsync()
    {
        receiver = await TestReceiver.StartAsync();
        services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        sender = new WebhookSender(services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System, NullLogger<WebhookSender>.Instance);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await receiver.DisposeAsync();
    }

    private async Task<SendResult> AnswerAsync(string? contentType, byte[] body)
    {
        receiver.RespondWith("/answer", async (context, _) =>
        {
            if (contentType is not null)
            {
                context.Response.Headers.ContentType = contentType;
            }
            await context.Response.Body.WriteAsync(body);
        });
        return await sender.SendAsync(new OutgoingRequest("POST", receiver.Url("/answer"), [], "{}", TimeSpan.FromSeconds(10)), CancellationToken.None);
    }

    [Theory]
    [InlineData("text/plain; charset=iso-8859-1")]
    [InlineData("text/plain; charset=ISO-8859-1")]
    [InlineData("text/plain; charset=\"iso-8859-1\"")]
    [InlineData("text/html;charset=latin1")]
    public async Task ResponseBody_IsReadAsLatin1_WhenTheReceiverDeclaresIt(string contentType)
    {
        var result = await AnswerAsync(contentType, Encoding.Latin1.GetBytes(Text));

        Assert.Null(result.Error);
        Assert.Equal(Text, result.ResponseBody);
    }

    [Theory]
    [InlineData("text/plain; charset=windows-1252")]
    // As browsers do, ISO-8859-1 and US-ASCII are read as windows-1252, which differs from them only where their
    // bytes are control characters or none at all.
    [InlineData("text/plain; charset=iso-8859-1")]
    [InlineData("text/plain; charset=latin1")]
    [InlineData("text/plain; charset=us-ascii")]
    public async Task ResponseBody_IsReadAsWindows1252_WhenTheReceiverDeclaresItOrASubsetOfIt(string contentType)
    {
        // 0x80 is the euro sign in windows-1252, a control character in ISO-8859-1.
        var result = await AnswerAsync(contentType, [0x80, 0x20, 0x35, 0x20, 0xE9, 0x93, 0x94]);

        Assert.Equal("€ 5 é“”", result.ResponseBody);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=utf8")]
    [InlineData("application/json; charset=x-no-such-charset")]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("application/json; charset=")]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task ResponseBody_IsReadAsUtf8_WhenTheCharsetIsUtf8UnknownOrMissing(string? contentType)
    {
        var result = await AnswerAsync(contentType, Encoding.UTF8.GetBytes(Text));

        Assert.Null(result.Error);
        Assert.Equal(Text, result.ResponseBody);
    }

    [Fact]
    public async Task ResponseBody_ShowsReplacementCharacters_WhenLatin1BytesCarryNoCharset()
    {
        // Without a declared charset nothing says these bytes are not UTF-8: what is not UTF-8 shows as U+FFFD.
        var result = await AnswerAsync("text/plain", Encoding.Latin1.GetBytes("Café"));

        Assert.Equal("Caf\uFFFD", result.ResponseBody);
    }

    [Theory]
    [InlineData("text/plain; charset=utf-16", "utf-16")]
    [InlineData("text/plain; charset=utf-16", "utf-16BE")]
    [InlineData("text/plain", "utf-16")]
    [InlineData("text/plain; charset=iso-8859-1", "utf-16BE")]
    [InlineData("text/plain; charset=iso-8859-1", "utf-8")]
    public async Task ResponseBody_IsReadInTheEncodingOfItsByteOrderMark_WithoutTheMark(string contentType, string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var result = await AnswerAsync(contentType, [.. encoding.GetPreamble(), .. encoding.GetBytes(Text)]);

        Assert.Equal(Text, result.ResponseBody);
    }

    [Fact]
    public async Task ResponseBody_EndsBeforeACharacterCutByTheCap_InUtf8()
    {
        // "é" is two bytes; the cap falls between them.
        var body = Encoding.UTF8.GetBytes(new string('a', WebhookSender.MaxResponseBytes - 1) + "é and more");

        var result = await AnswerAsync("text/plain; charset=utf-8", body);

        Assert.Equal(new string('a', WebhookSender.MaxResponseBytes - 1), result.ResponseBody);
    }

    [Fact]
    public async Task ResponseBody_EndsBeforeACharacterCutByTheCap_InUtf16()
    {
        // The emoji is a surrogate pair, four bytes, of which the cap keeps the first two: half a character.
        var kept = new string('a', WebhookSender.MaxResponseBytes / 2 - 2) + "b";
        var body = Encoding.Unicode.GetBytes(kept + "😀 and more");

        var result = await AnswerAsync("text/plain; charset=utf-16le", body);

        Assert.Equal(kept, result.ResponseBody);
    }

    [Fact]
    public async Task ResponseBody_KeepsAReplacementCharacter_WhenACompleteBodyEndsInABrokenCharacter()
    {
        // The body ended there: the stray byte is part of what the receiver sent, not a cut made here.
        var result = await AnswerAsync("text/plain; charset=utf-8", [(byte)'o', (byte)'k', 0xC3]);

        Assert.Equal("ok\uFFFD", result.ResponseBody);
    }
}
