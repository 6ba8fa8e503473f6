using System.Security.Cryptography;
using System.Text;
using WebhookConsole.Dispatching.Signing;

namespace WebhookConsole.Tests.Dispatching.Signing;

public sealed class WebhookSignerTests
{
    // Published by Standard Webhooks (the reference libraries' tests use it too).
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecMessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecPayload = "{\"test\": 2432232314}";
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private const string OtherStandardSecret = "whsec_6pGH0dwXWk1qOm1yG7cYcmFu7sO2YXhI8A5mKyN1hPQ=";
    private const string FrejunSecret = "fj_3kR9vQ2mXw7LpZt4N";
    private const string HexSecret = "vb_8dF2sK6pQ1wE9rT5y";
    private const string MessageId = "msg_2LJyBc7uHnRzJ5kQ";
    private const long Timestamp = 1700000000;

    // {"text":"שלום 你好 🎉"}: Hebrew, Chinese and an emoji outside the BMP (a surrogate pair in UTF-16).
    private const string UnicodeBody = "{\"text\":\"\u05E9\u05DC\u05D5\u05DD \u4F60\u597D \U0001F389\"}";

    private readonly WebhookSigner _signer = new();

    public static TheoryData<string, string, string> NastyRequests => new()
    {
        { "POST", "https://example.com:8443/hooks/in?a=1&b=two%20words", "{\"emoji\":\"\U0001F389\U0001F680\U0001F469\u200D\U0001F4BB\"}" },
        { "POST", "https://api.example.com/webhooks?lang=he&q=%D7%A9%D7%9C%D7%95%D7%9D", "{\"text\":\"\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD\"}" },
        { "PUT", "http://127.0.0.1:8080/\u56DE\u8C03?\u540D=\u503C&x=%E4%BD%A0", "{\"text\":\"\u4F60\u597D\uFF0C\u4E16\u754C\"}" },
        { "DELETE", "https://example.com:443/items/42?force=true&reason=a%2Bb", "{}" },
        { "POST", "https://example.com/empty-body", "" },
        { "GET", "https://example.com:8080/status?check=1&lang=%D7%A2&city=\u05E2\u05D9\u05E8", "" },
        { "POST", "https://example.com/big?size=large", new string('\u00E9', 5000) + "\U0001F389" + new string('x', 100_000) },
        { "PATCH", "https://user:pa%40ss@example.com:9443/p/a/t/h;params?q=1&q=2&empty=&=v", "line1\r\nline2\ttab \"quoted\" \\ back" },
    };

    [Fact]
    public void Sign_ReturnsPublishedSpecSignature_WhenStandardSchemeSignsSpecTestVector()
    {
        // Arrange
        string[] secrets = [SpecSecret];

        // Act
        var header = _signer.Sign(SigningScheme.Standard, secrets, SpecMessageId, SpecTimestamp,
            "POST", "https://example.com/hook", SpecPayload);

        // Assert
        Assert.Equal(new KeyValuePair<string, string>("webhook-signature", SpecSignature), header);
    }

    [Fact]
    public void Sign_ReturnsHardCodedSignature_WhenStandardBodyIsUnicode()
    {
        // Arrange
        string[] secrets = [SpecSecret];

        // Act
        var header = _signer.Sign(SigningScheme.Standard, secrets, MessageId, Timestamp,
            "POST", "https://example.com/hook", UnicodeBody);

        // Assert
        // printf '%s' 'msg_2LJyBc7uHnRzJ5kQ.1700000000.{"text":"שלום 你好 🎉"}' \
        //   | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(printf '%s' 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' | base64 -d | xxd -p -c 64) -binary \
        //   | base64
        Assert.Equal(
            new KeyValuePair<string, string>("webhook-signature", "v1,88sLwn1eHYeA8CAMK94Z2ZHTu7kHns9l8uEEK615IMo="),
            header);
    }

    [Theory]
    [MemberData(nameof(NastyRequests))]
    public void Sign_MatchesIndependentHmac_WhenStandardRequestHasNastyData(string method, string url, string body)
    {
        // Arrange
        string[] secrets = [OtherStandardSecret];
        var expected = ExpectedStandard(OtherStandardSecret, MessageId, Timestamp, body);

        // Act
        var header = _signer.Sign(SigningScheme.Standard, secrets, MessageId, Timestamp, method, url, body);

        // Assert
        Assert.Equal(new KeyValuePair<string, string>("webhook-signature", expected), header);
    }

    [Fact]
    public void Sign_SignsEmptyBody_WhenStandardMethodIsGet()
    {
        // Arrange
        string[] secrets = [SpecSecret];
        var expected = ExpectedStandard(SpecSecret, MessageId, Timestamp, string.Empty);

        // Act
        var header = _signer.Sign(SigningScheme.Standard, secrets, MessageId, Timestamp,
            "GET", "https://example.com/hook?x=1", "{\"ignored\":true}");

        // Assert
        Assert.Equal(new KeyValuePair<string, string>("webhook-signature", expected), header);
    }

    [Fact]
    public void Sign_PutsEverySignatureNewestFirst_WhenStandardSecretIsRotated()
    {
        // Arrange
        string[] secrets = [OtherStandardSecret, SpecSecret];

        // Act
        var header = _signer.Sign(SigningScheme.Standard, secrets, SpecMessageId, SpecTimestamp,
            "POST", "https://example.com/hook", SpecPayload);

        // Assert
        Assert.NotNull(header);
        Assert.Equal("webhook-signature", header.Value.Key);
        var signatures = header.Value.Value.Split(' ');
        Assert.Equal(2, signatures.Length);
        Assert.Equal(ExpectedStandard(OtherStandardSecret, SpecMessageId, SpecTimestamp, SpecPayload), signatures[0]);
        Assert.Equal(SpecSignature, signatures[1]);
        Assert.Equal($"{signatures[0]} {SpecSignature}", header.Value.Value);
    }

    [Fact]
    public void Sign_ReturnsOneSignaturePerSecret_WhenManyStandardSecretsAreValid()
    {
        // Arrange
        var secrets = Enumerable.Range(0, 20).Select(_ => WebhookSecrets.Generate(SigningScheme.Standard)).ToArray();

        // Act
        var header = _signer.Sign(SigningScheme.Standard, secrets, MessageId, Timestamp,
            "POST", "https://example.com/hook", UnicodeBody);

        // Assert
        Assert.NotNull(header);
        var expected = string.Join(' ', secrets.Select(s => ExpectedStandard(s, MessageId, Timestamp, UnicodeBody)));
        Assert.Equal(expected, header.Value.Value);
    }

    [Fact]
    public void Sign_Throws_WhenStandardSecretLacksPrefix()
    {
        // Arrange
        string[] secrets = ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"];

        // Act
        var error = Assert.Throws<ArgumentException>(() => _signer.Sign(SigningScheme.Standard, secrets,
            MessageId, Timestamp, "POST", "https://example.com/hook", "{}"));

        // Assert
        Assert.Equal("The standard signing secret secrets[0] is not \"whsec_\" followed by the base64-encoded key.", error.Message);
    }

    [Fact]
    public void Sign_ThrowsWithoutRevealingSecret_WhenOlderStandardSecretIsNotBase64()
    {
        // Arrange
        string[] secrets = [SpecSecret, "whsec_not*base64!"];

        // Act
        var error = Assert.Throws<ArgumentException>(() => _signer.Sign(SigningScheme.Standard, secrets,
            MessageId, Timestamp, "POST", "https://example.com/hook", "{}"));

        // Assert
        Assert.Equal("The standard signing secret secrets[1] is not \"whsec_\" followed by the base64-encoded key.", error.Message);
    }

    [Fact]
    public void Sign_ReturnsHardCodedSignature_WhenFrejunUrlHasPortAndQuery()
    {
        // Arrange
        string[] secrets = [FrejunSecret];

        // Act
        var header = _signer.Sign(SigningScheme.Frejun, secrets, MessageId, Timestamp,
            "POST", "https://example.com:8443/hooks/in?a=1&b=two%20words", "{\"x\":1}");

        // Assert
        // printf '%s' 'POSThttps://example.com:8443/hooks/in?a=1&b=two%20words{"x":1}' | openssl dgst -sha256 -hmac 'fj_3kR9vQ2mXw7LpZt4N' -binary | base64
        Assert.Equal(
            new KeyValuePair<string, string>("frejun-signature", "QAZz+ULRfwFbBtyJ6VdKZbBGnSErnFEyEBI708hpy64="),
            header);
    }

    [Fact]
    public void Sign_ReturnsHardCodedSignature_WhenFrejunBodyIsUnicode()
    {
        // Arrange
        string[] secrets = [FrejunSecret];

        // Act
        var header = _signer.Sign(SigningScheme.Frejun, secrets, MessageId, Timestamp,
            "POST", "https://api.example.com/webhooks?lang=he", UnicodeBody);

        // Assert
        // printf '%s' 'POSThttps://api.example.com/webhooks?lang=he{"text":"שלום 你好 🎉"}' | openssl dgst -sha256 -hmac 'fj_3kR9vQ2mXw7LpZt4N' -binary | base64
        Assert.Equal(
            new KeyValuePair<string, string>("frejun-signature", "UX7uPp1jNRO69Yoj+Vyj413M8VXSUOoXUMaIcrJi0tc="),
            header);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"ignored\":true}")]
    public void Sign_ReturnsHardCodedSignatureOverEmptyBody_WhenFrejunMethodIsGet(string body)
    {
        // Arrange
        string[] secrets = [FrejunSecret];

        // Act
        var header = _signer.Sign(SigningScheme.Frejun, secrets, MessageId, Timestamp,
            "GET", "https://example.com:8080/status?check=1", body);

        // Assert
        // printf '%s' 'GEThttps://example.com:8080/status?check=1' | openssl dgst -sha256 -hmac 'fj_3kR9vQ2mXw7LpZt4N' -binary | base64
        Assert.Equal(
            new KeyValuePair<string, string>("frejun-signature", "6OrvyaIBowt3y0HMFSBBeLQ8owS+3maSP1ex+HND+DA="),
            header);
    }

    [Theory]
    [InlineData("post")]
    [InlineData("Post")]
    public void Sign_SignsUpperCaseMethod_WhenFrejunMethodIsNotUpperCase(string method)
    {
        // Arrange
        string[] secrets = [FrejunSecret];

        // Act
        var header = _signer.Sign(SigningScheme.Frejun, secrets, MessageId, Timestamp,
            method, "https://example.com:8443/hooks/in?a=1&b=two%20words", "{\"x\":1}");

        // Assert
        // Same literal as for "POST" above.
        Assert.Equal(
            new KeyValuePair<string, string>("frejun-signature", "QAZz+ULRfwFbBtyJ6VdKZbBGnSErnFEyEBI708hpy64="),
            header);
    }

    [Theory]
    [MemberData(nameof(NastyRequests))]
    public void Sign_MatchesIndependentHmac_WhenFrejunRequestHasNastyData(string method, string url, string body)
    {
        // Arrange
        string[] secrets = [FrejunSecret];
        var expected = ExpectedFrejun(FrejunSecret, method, url, body);

        // Act
        var header = _signer.Sign(SigningScheme.Frejun, secrets, MessageId, Timestamp, method, url, body);

        // Assert
        Assert.Equal(new KeyValuePair<string, string>("frejun-signature", expected), header);
    }

    [Fact]
    public void Sign_MatchesIndependentHmac_WhenFrejunSecretIsNonAscii()
    {
        // Arrange
        const string secret = "s\u00E9cret-\u05E9-\u4F60-\U0001F511";
        string[] secrets = [secret];
        var expected = ExpectedFrejun(secret, "POST", "https://example.com/hook", UnicodeBody);

        // Act
        var header = _signer.Sign(SigningScheme.Frejun, secrets, MessageId, Timestamp,
            "POST", "https://example.com/hook", UnicodeBody);

        // Assert
        Assert.Equal(new KeyValuePair<string, string>("frejun-signature", expected), header);
    }

    [Fact]
    public void Sign_UsesOnlyCurrentSecret_WhenFrejunSecretIsRotated()
    {
        // Arrange
        string[] secrets = [FrejunSecret, "fj_old_secret_0123456789"];

        // Act
        var header = _signer.Sign(SigningScheme.Frejun, secrets, MessageId, Timestamp,
            "POST", "https://example.com:8443/hooks/in?a=1&b=two%20words", "{\"x\":1}");

        // Assert
        Assert.Equal(
            new KeyValuePair<string, string>("frejun-signature", "QAZz+ULRfwFbBtyJ6VdKZbBGnSErnFEyEBI708hpy64="),
            header);
    }

    [Fact]
    public void Sign_ReturnsHardCodedSignature_WhenHexBodyIsAscii()
    {
        // Arrange
        string[] secrets = [HexSecret];

        // Act
        var header = _signer.Sign(SigningScheme.Hex, secrets, MessageId, Timestamp,
            "POST", "https://example.com:8443/hooks/in?a=1", "{\"x\":1}");

        // Assert
        // printf '%s' '{"x":1}' | openssl dgst -sha256 -hmac 'vb_8dF2sK6pQ1wE9rT5y' -binary | xxd -p -c 64
        Assert.Equal(
            new KeyValuePair<string, string>("X-Webhook-Signature", "9651b74b457b253e2232b1f4fcebf0d80ab28aa54c99565a40428da637556059"),
            header);
    }

    [Fact]
    public void Sign_ReturnsHardCodedSignature_WhenHexBodyIsUnicode()
    {
        // Arrange
        string[] secrets = [HexSecret];

        // Act
        var header = _signer.Sign(SigningScheme.Hex, secrets, MessageId, Timestamp,
            "POST", "https://example.com/hook", UnicodeBody);

        // Assert
        // printf '%s' '{"text":"שלום 你好 🎉"}' | openssl dgst -sha256 -hmac 'vb_8dF2sK6pQ1wE9rT5y' -binary | xxd -p -c 64
        Assert.Equal(
            new KeyValuePair<string, string>("X-Webhook-Signature", "631629d03003dc9310f1b7f21b7b888c4ffceb9c8324983f3f0a29f2f8e1e5d0"),
            header);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"ignored\":true}")]
    public void Sign_ReturnsHardCodedSignatureOverEmptyBody_WhenHexMethodIsGet(string body)
    {
        // Arrange
        string[] secrets = [HexSecret];

        // Act
        var header = _signer.Sign(SigningScheme.Hex, secrets, MessageId, Timestamp,
            "GET", "https://example.com/status?check=1", body);

        // Assert
        // printf '%s' '' | openssl dgst -sha256 -hmac 'vb_8dF2sK6pQ1wE9rT5y' -binary | xxd -p -c 64
        Assert.Equal(
            new KeyValuePair<string, string>("X-Webhook-Signature", "83ece9cc7dca4b115aef1a0b5ae3d91847a5b7ddc90c72d0b1c95838239090ab"),
            header);
    }

    [Theory]
    [MemberData(nameof(NastyRequests))]
    public void Sign_MatchesIndependentHmac_WhenHexRequestHasNastyData(string method, string url, string body)
    {
        // Arrange
        string[] secrets = [HexSecret];
        var expected = ExpectedHex(HexSecret, body);

        // Act
        var header = _signer.Sign(SigningScheme.Hex, secrets, MessageId, Timestamp, method, url, body);

        // Assert
        Assert.Equal(new KeyValuePair<string, string>("X-Webhook-Signature", expected), header);
    }

    [Fact]
    public void Sign_UsesOnlyCurrentSecret_WhenHexSecretIsRotated()
    {
        // Arrange
        string[] secrets = [HexSecret, "vb_old_secret_0123456789"];

        // Act
        var header = _signer.Sign(SigningScheme.Hex, secrets, MessageId, Timestamp,
            "POST", "https://example.com/hook", "{\"x\":1}");

        // Assert
        Assert.Equal(
            new KeyValuePair<string, string>("X-Webhook-Signature", "9651b74b457b253e2232b1f4fcebf0d80ab28aa54c99565a40428da637556059"),
            header);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Standard))]
    [InlineData(nameof(SigningScheme.Frejun))]
    [InlineData(nameof(SigningScheme.Hex))]
    [InlineData(nameof(SigningScheme.None))]
    public void Sign_ReturnsNull_WhenThereAreNoSecrets(string schemeName)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);
        string[] secrets = [];

        // Act
        var header = _signer.Sign(scheme, secrets, MessageId, Timestamp, "POST", "https://example.com/hook", "{}");

        // Assert
        Assert.Null(header);
    }

    [Theory]
    [InlineData("")]
    [InlineData(SpecSecret)]
    public void Sign_ReturnsNull_WhenSchemeIsNone(string secret)
    {
        // Arrange
        string[] secrets = [secret];

        // Act
        var header = _signer.Sign(SigningScheme.None, secrets, MessageId, Timestamp, "POST", "https://example.com/hook", "{}");

        // Assert
        Assert.Null(header);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Frejun))]
    [InlineData(nameof(SigningScheme.Hex))]
    public void Sign_Throws_WhenPlainSecretIsEmpty(string schemeName)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);
        string[] secrets = [""];

        // Act
        var error = Assert.Throws<ArgumentException>(() => _signer.Sign(scheme, secrets,
            MessageId, Timestamp, "POST", "https://example.com/hook", "{}"));

        // Assert
        Assert.Equal("The signing secret (secrets[0]) is empty.", error.Message);
    }

    [Fact]
    public void Sign_Throws_WhenSchemeIsUndefined()
    {
        // Arrange
        string[] secrets = [SpecSecret];

        // Act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _signer.Sign((SigningScheme)42, secrets,
            MessageId, Timestamp, "POST", "https://example.com/hook", "{}"));

        // Assert
        Assert.Equal("scheme", error.ParamName);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Standard))]
    [InlineData(nameof(SigningScheme.Frejun))]
    [InlineData(nameof(SigningScheme.Hex))]
    public void Sign_ProducesVerifiableSignature_WhenSecretIsGenerated(string schemeName)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);
        var secret = WebhookSecrets.Generate(scheme);
        string[] secrets = [secret];
        const string url = "https://example.com:8443/hook?a=1";
        var expected = scheme switch
        {
            SigningScheme.Standard => ExpectedStandard(secret, MessageId, Timestamp, UnicodeBody),
            SigningScheme.Frejun => ExpectedFrejun(secret, "POST", url, UnicodeBody),
            _ => ExpectedHex(secret, UnicodeBody),
        };

        // Act
        var header = _signer.Sign(scheme, secrets, MessageId, Timestamp, "POST", url, UnicodeBody);

        // Assert
        Assert.NotNull(header);
        Assert.Equal(expected, header.Value.Value);
    }

    [Fact]
    public void Sign_ReturnsSameSignatures_WhenCalledConcurrently()
    {
        // Arrange
        string[] standardSecrets = [SpecSecret];
        string[] frejunSecrets = [FrejunSecret];
        string[] hexSecrets = [HexSecret];
        var bodies = Enumerable.Range(0, 64)
            .Select(i => UnicodeBody + new string('x', i * 97))
            .ToArray();
        var failures = 0;

        // Act
        Parallel.For(0, 4_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var body = bodies[i % bodies.Length];
            var standard = _signer.Sign(SigningScheme.Standard, standardSecrets, MessageId, Timestamp, "POST", "https://example.com/h", body);
            var frejun = _signer.Sign(SigningScheme.Frejun, frejunSecrets, MessageId, Timestamp, "POST", "https://example.com/h", body);
            var hex = _signer.Sign(SigningScheme.Hex, hexSecrets, MessageId, Timestamp, "POST", "https://example.com/h", body);
            if (standard?.Value != ExpectedStandard(SpecSecret, MessageId, Timestamp, body)
                || frejun?.Value != ExpectedFrejun(FrejunSecret, "POST", "https://example.com/h", body)
                || hex?.Value != ExpectedHex(HexSecret, body))
            {
                Interlocked.Increment(ref failures);
            }
        });

        // Assert
        Assert.Equal(0, failures);
    }

    [Fact]
    public void SignatureHeaders_HaveContractNames_WhenRead()
    {
        // Arrange
        string[] expected = ["webhook-id", "webhook-timestamp", "webhook-signature", "frejun-signature", "X-Webhook-Signature"];

        // Act
        string[] actual = [SignatureHeaders.WebhookId, SignatureHeaders.WebhookTimestamp,
            SignatureHeaders.Standard, SignatureHeaders.Frejun, SignatureHeaders.Hex];

        // Assert
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Standard), "standard")]
    [InlineData(nameof(SigningScheme.Frejun), "frejun")]
    [InlineData(nameof(SigningScheme.Hex), "hex")]
    [InlineData(nameof(SigningScheme.None), "none")]
    public void ToWire_ReturnsWireName_WhenSchemeIsDefined(string schemeName, string expected)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);

        // Act
        var wire = SigningSchemeNames.ToWire(scheme);

        // Assert
        Assert.Equal(expected, wire);
    }

    [Fact]
    public void ToWire_Throws_WhenSchemeIsUndefined()
    {
        // Arrange
        var scheme = (SigningScheme)42;

        // Act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SigningSchemeNames.ToWire(scheme));

        // Assert
        Assert.Equal("s", error.ParamName);
    }

    [Theory]
    [InlineData("standard", nameof(SigningScheme.Standard))]
    [InlineData("STANDARD", nameof(SigningScheme.Standard))]
    [InlineData("Frejun", nameof(SigningScheme.Frejun))]
    [InlineData("frejun", nameof(SigningScheme.Frejun))]
    [InlineData("hEx", nameof(SigningScheme.Hex))]
    [InlineData("None", nameof(SigningScheme.None))]
    public void TryParse_ReturnsScheme_WhenWireNameMatchesIgnoringCase(string wire, string expectedName)
    {
        // Arrange
        var expected = Enum.Parse<SigningScheme>(expectedName);

        // Act
        var parsed = SigningSchemeNames.TryParse(wire, out var scheme);

        // Assert
        Assert.True(parsed);
        Assert.Equal(expected, scheme);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" standard")]
    [InlineData("hex ")]
    [InlineData("1")]
    [InlineData("Hex,None")]
    [InlineData("sha256")]
    public void TryParse_ReturnsFalse_WhenWireNameIsUnknown(string? wire)
    {
        // Arrange
        // (wire name comes from the inline data)

        // Act
        var parsed = SigningSchemeNames.TryParse(wire, out var scheme);

        // Assert
        Assert.False(parsed);
        Assert.Equal(SigningScheme.Standard, scheme);
    }

    private static string ExpectedStandard(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        using var hmac = new HMACSHA256(key);
        var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(id + "." + timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + body));
        return "v1," + Convert.ToBase64String(mac);
    }

    private static string ExpectedFrejun(string secret, string method, string url, string body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var signedBody = method == "GET" ? string.Empty : body;
        var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(method.ToUpperInvariant() + url + signedBody));
        return Convert.ToBase64String(mac);
    }

    private static string ExpectedHex(string secret, string body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
    }
}
