using WebhookConsole.Dispatching;

namespace WebhookConsole.Tests.Dispatching;

public sealed class HeaderMaskingTests
{
    [Theory]
    [InlineData("Authorization")]
    [InlineData("Proxy-Authorization")]
    [InlineData("X-Access-Key")]
    [InlineData("X-API-Key")]
    [InlineData("X-Api-Key")]
    [InlineData("Ocp-Apim-Subscription-Key")]
    [InlineData("X-Auth-Token")]
    [InlineData("X-Auth")]
    [InlineData("Token")]
    [InlineData("X-Client-Secret")]
    [InlineData("X-Passphrase")]
    [InlineData("X-Pwd")]
    [InlineData("Cookie")]
    [InlineData("Set-Cookie")]
    [InlineData("X-Session-Id")]
    [InlineData("X-Credential")]
    [InlineData("X-Signature")]
    [InlineData("X-Hub-Signature-256")]
    [InlineData("X-JWT-Assertion")]
    [InlineData("X-Bearer")]
    public void Value_IsMasked_WhenTheHeaderNameLooksLikeACredential(string name)
    {
        Assert.Equal(HeaderMasking.Mask, HeaderMasking.Value(name, "s3cr3t-value"));
    }

    [Theory]
    [InlineData("Bearer abc.def")]
    [InlineData("bearer abc")]
    [InlineData("  Basic dXNlcjpwYXNz")]
    [InlineData("Digest username=\"crm\", response=\"6629fae49393a05397450978507c4ef1\"")]
    [InlineData("Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b")]
    [InlineData("ApiKey 0123456789")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")]
    public void Value_IsMasked_WhenItCarriesAnAuthorizationSchemeOrAToken_WhateverTheName(string value)
    {
        Assert.Equal(HeaderMasking.Mask, HeaderMasking.Value("X-Forwarded-Identity", value));
    }

    [Theory]
    [InlineData("X-Tenant", "acme")]
    [InlineData("webhook-signature", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")]
    [InlineData("frejun-signature", "Z3Vlc3M=")]
    [InlineData("X-Webhook-Signature", "a3f1c9e0b7d24f68")]
    [InlineData("webhook-id", "01963a5e-8c4b-7d2e-9f10-2b3c4d5e6f70")]
    [InlineData("Accept-Language", "en")]
    [InlineData("X-Note", "Basically fine")]
    [InlineData("X-Trace", "eyJ-not-a-token")]
    [InlineData("Content-Type", "application/json; charset=utf-8")]
    public void Value_IsShown_WhenNeitherNameNorValueLooksLikeACredential(string name, string value)
    {
        Assert.Equal(value, HeaderMasking.Value(name, value));
    }
}
