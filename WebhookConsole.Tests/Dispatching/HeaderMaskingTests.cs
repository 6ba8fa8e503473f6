using WebhookConsole.Dispatching;

namespace WebhookConsole.Tests.Dispatching;

public sealed class HeaderMaskingTests
{
    [Theory]
    [InlineData("Authorization")]
    [InlineData("Proxy-Authorization")]
    [InlineData("X-Access-Key")]
    [InlineData("X-API-Key")]
    [InlineData("Ocp-Apim-Subscription-Key")]
    [InlineData("X-Auth-Token")]
    [InlineData("X-Client-Secret")]
    [InlineData("X-Passphrase")]
    [InlineData("Cookie")]
    [InlineData("X-Session-Id")]
    [InlineData("X-Credential")]
    public void Value_IsMasked_WhenTheHeaderNameLooksLikeACredential(string name)
    {
        Assert.Equal(HeaderMasking.Mask, HeaderMasking.Value(name, "s3cr3t-value"));
    }

    [Theory]
    [InlineData("X-Tenant")]
    [InlineData("webhook-signature")]
    [InlineData("webhook-id")]
    [InlineData("Accept-Language")]
    public void Value_IsShown_WhenTheHeaderNameIsOrdinary(string name)
    {
        Assert.Equal("acme", HeaderMasking.Value(name, "acme"));
    }
}
