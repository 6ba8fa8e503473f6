using WebhookConsole.Dispatching.Signing;

namespace WebhookConsole.Tests.Dispatching.Signing;

public sealed class WebhookSecretsTests
{
    private const string PrefixMessage = "A standard secret must start with \"whsec_\" followed by the base64-encoded key. "
        + "If the receiver gave you only the base64 key, put \"whsec_\" in front of it.";

    private const string WhitespaceMessage = "The secret must not contain spaces, tabs or line breaks.";
    private const string RequiredMessage = "A secret is required.";
    private const string PrintableMessage = "The secret may contain only printable ASCII characters: letters, digits and punctuation.";

    [Fact]
    public void Generate_ReturnsWhsecPrefixedBase64Of32Bytes_WhenSchemeIsStandard()
    {
        // Arrange
        const string prefix = "whsec_";

        // Act
        var secret = WebhookSecrets.Generate(SigningScheme.Standard);

        // Assert
        Assert.StartsWith(prefix, secret, StringComparison.Ordinal);
        var key = Convert.FromBase64String(secret[prefix.Length..]);
        Assert.Equal(32, key.Length);
        Assert.True(key.Length >= 24);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Frejun))]
    [InlineData(nameof(SigningScheme.Hex))]
    public void Generate_ReturnsUnprefixedHexOf32Bytes_WhenSchemeIsPlain(string schemeName)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);
        const string lowerHex = "0123456789abcdef";

        // Act
        var secret = WebhookSecrets.Generate(scheme);

        // Assert
        Assert.DoesNotContain("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(64, secret.Length);
        Assert.All(secret, c => Assert.Contains(c, lowerHex));
        Assert.Equal(32, Convert.FromHexString(secret).Length);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Standard))]
    [InlineData(nameof(SigningScheme.Frejun))]
    [InlineData(nameof(SigningScheme.Hex))]
    public void Generate_ReturnsDifferentSecrets_WhenCalledTwice(string schemeName)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);
        var first = WebhookSecrets.Generate(scheme);

        // Act
        var second = WebhookSecrets.Generate(scheme);

        // Assert
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Standard))]
    [InlineData(nameof(SigningScheme.Frejun))]
    [InlineData(nameof(SigningScheme.Hex))]
    public void Generate_ReturnsManyDistinctSecrets_WhenCalledRepeatedly(string schemeName)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);
        const int count = 1_000;

        // Act
        var secrets = Enumerable.Range(0, count).Select(_ => WebhookSecrets.Generate(scheme)).ToHashSet();

        // Assert
        Assert.Equal(count, secrets.Count);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Standard))]
    [InlineData(nameof(SigningScheme.Frejun))]
    [InlineData(nameof(SigningScheme.Hex))]
    [InlineData(nameof(SigningScheme.None))]
    public void Generate_ReturnsSecretThatValidates_WhenSchemeIsDefined(string schemeName)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);
        var secret = WebhookSecrets.Generate(scheme);

        // Act
        var message = WebhookSecrets.Validate(scheme, secret);

        // Assert
        Assert.Null(message);
    }

    [Fact]
    public void Generate_ReturnsEmptyString_WhenSchemeIsNone()
    {
        // Arrange
        const SigningScheme scheme = SigningScheme.None;

        // Act
        var secret = WebhookSecrets.Generate(scheme);

        // Assert
        Assert.Equal(string.Empty, secret);
    }

    [Fact]
    public void Generate_Throws_WhenSchemeIsUndefined()
    {
        // Arrange
        var scheme = (SigningScheme)42;

        // Act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WebhookSecrets.Generate(scheme));

        // Assert
        Assert.Equal("scheme", error.ParamName);
    }

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_6pGH0dwXWk1qOm1yG7cYcmFu7sO2YXhI8A5mKyN1hPQ=")]
    public void Validate_ReturnsNull_WhenStandardSecretIsWellFormed(string secret)
    {
        // Arrange
        // (secret comes from the inline data: a 24-byte and a 32-byte key)

        // Act
        var message = WebhookSecrets.Validate(SigningScheme.Standard, secret);

        // Assert
        Assert.Null(message);
    }

    [Theory]
    [InlineData(24)]
    [InlineData(64)]
    public void Validate_ReturnsNull_WhenStandardKeyLengthIsAtBound(int keyBytes)
    {
        // Arrange
        var secret = "whsec_" + Convert.ToBase64String(new byte[keyBytes]);

        // Act
        var message = WebhookSecrets.Validate(SigningScheme.Standard, secret);

        // Assert
        Assert.Null(message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(23)]
    [InlineData(65)]
    [InlineData(128)]
    public void Validate_ReturnsLengthMessage_WhenStandardKeyLengthIsOutOfRange(int keyBytes)
    {
        // Arrange
        var secret = "whsec_" + Convert.ToBase64String(new byte[keyBytes]);

        // Act
        var message = WebhookSecrets.Validate(SigningScheme.Standard, secret);

        // Assert
        Assert.Equal($"The key after \"whsec_\" must decode to 24 to 64 bytes; this one decodes to {keyBytes}.", message);
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec-MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("fj_3kR9vQ2mXw7LpZt4N")]
    public void Validate_ReturnsPrefixMessage_WhenStandardSecretLacksPrefix(string secret)
    {
        // Arrange
        // (secret comes from the inline data)

        // Act
        var message = WebhookSecrets.Validate(SigningScheme.Standard, secret);

        // Assert
        Assert.Equal(PrefixMessage, message);
    }

    [Theory]
    [InlineData("whsec_not*base64!")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS")]
    [InlineData("whsec_6pGH0dwXWk1qOm1yG7cYcmFu7sO2YXhI8A5mKyN1hPQ")]
    [InlineData("whsec_6pGH0dwXWk1qOm1yG7cYcmFu7sO2YXhI8A5mKyN1hPQ==")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2La-aS_")]
    public void Validate_ReturnsBase64Message_WhenStandardKeyIsNotBase64(string secret)
    {
        // Arrange
        // (secret comes from the inline data: bad characters, a truncated string, missing and extra
        // padding, and the base64url alphabet)

        // Act
        var message = WebhookSecrets.Validate(SigningScheme.Standard, secret);

        // Assert
        Assert.Equal("The part after \"whsec_\" is not valid base64.", message);
    }

    [Fact]
    public void Validate_ReturnsNoKeyMessage_WhenStandardSecretIsOnlyPrefix()
    {
        // Arrange
        const string secret = "whsec_";

        // Act
        var message = WebhookSecrets.Validate(SigningScheme.Standard, secret);

        // Assert
        Assert.Equal("The secret has no key after \"whsec_\".", message);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Standard), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n")]
    [InlineData(nameof(SigningScheme.Standard), " whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData(nameof(SigningScheme.Standard), "whsec_MfKQ9r8GKYqr TwjUPD8ILPZIo2LaLaSw")]
    [InlineData(nameof(SigningScheme.Frejun), "fj_3kR9vQ2mXw7LpZt4N ")]
    [InlineData(nameof(SigningScheme.Frejun), "fj_3kR9vQ2m\tXw7LpZt4N")]
    [InlineData(nameof(SigningScheme.Hex), "vb_8dF2sK6p\r\nQ1wE9rT5y")]
    [InlineData(nameof(SigningScheme.Hex), "vb_8dF2sK6p\u00A0Q1wE9rT5y")]
    public void Validate_ReturnsWhitespaceMessage_WhenSecretContainsWhitespace(string schemeName, string secret)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);

        // Act
        var message = WebhookSecrets.Validate(scheme, secret);

        // Assert
        Assert.Equal(WhitespaceMessage, message);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Standard))]
    [InlineData(nameof(SigningScheme.Frejun))]
    [InlineData(nameof(SigningScheme.Hex))]
    public void Validate_ReturnsRequiredMessage_WhenSecretIsEmpty(string schemeName)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);
        var secret = string.Empty;

        // Act
        var message = WebhookSecrets.Validate(scheme, secret);

        // Assert
        Assert.Equal(RequiredMessage, message);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Frejun), "fj_3kR9vQ2mXw7Lp")]
    [InlineData(nameof(SigningScheme.Frejun), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData(nameof(SigningScheme.Frejun), "!\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~")]
    [InlineData(nameof(SigningScheme.Hex), "vb_8dF2sK6pQ1wE9rT5y")]
    [InlineData(nameof(SigningScheme.Hex), "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Validate_ReturnsNull_WhenPlainSecretIsPrintableAscii(string schemeName, string secret)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);

        // Act
        var message = WebhookSecrets.Validate(scheme, secret);

        // Assert
        Assert.Null(message);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Frejun), 16)]
    [InlineData(nameof(SigningScheme.Frejun), 256)]
    [InlineData(nameof(SigningScheme.Hex), 16)]
    [InlineData(nameof(SigningScheme.Hex), 256)]
    public void Validate_ReturnsNull_WhenPlainSecretLengthIsAtBound(string schemeName, int length)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);
        var secret = new string('k', length);

        // Act
        var message = WebhookSecrets.Validate(scheme, secret);

        // Assert
        Assert.Null(message);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Frejun), 1)]
    [InlineData(nameof(SigningScheme.Frejun), 15)]
    [InlineData(nameof(SigningScheme.Frejun), 257)]
    [InlineData(nameof(SigningScheme.Hex), 15)]
    [InlineData(nameof(SigningScheme.Hex), 257)]
    [InlineData(nameof(SigningScheme.Hex), 1000)]
    public void Validate_ReturnsLengthMessage_WhenPlainSecretLengthIsOutOfRange(string schemeName, int length)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);
        var secret = new string('k', length);

        // Act
        var message = WebhookSecrets.Validate(scheme, secret);

        // Assert
        Assert.Equal($"The secret must be 16 to 256 characters long; this one has {length}.", message);
    }

    [Theory]
    [InlineData(nameof(SigningScheme.Frejun), "s\u00E9cret-s\u00E9cret-s\u00E9cret")]
    [InlineData(nameof(SigningScheme.Frejun), "secret-secret-\U0001F511")]
    [InlineData(nameof(SigningScheme.Hex), "secret-\u05E9\u05DC\u05D5\u05DD-secret")]
    [InlineData(nameof(SigningScheme.Hex), "secret-\u0007-secret-secret")]
    [InlineData(nameof(SigningScheme.Hex), "secret-\u007F-secret-secret")]
    public void Validate_ReturnsPrintableMessage_WhenPlainSecretHasNonPrintableOrNonAsciiChars(string schemeName, string secret)
    {
        // Arrange
        var scheme = Enum.Parse<SigningScheme>(schemeName);

        // Act
        var message = WebhookSecrets.Validate(scheme, secret);

        // Assert
        Assert.Equal(PrintableMessage, message);
    }

    [Fact]
    public void Validate_ReturnsNull_WhenSchemeIsNoneAndSecretIsEmpty()
    {
        // Arrange
        var secret = string.Empty;

        // Act
        var message = WebhookSecrets.Validate(SigningScheme.None, secret);

        // Assert
        Assert.Null(message);
    }

    [Fact]
    public void Validate_ReturnsNoSecretMessage_WhenSchemeIsNoneAndSecretIsSet()
    {
        // Arrange
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

        // Act
        var message = WebhookSecrets.Validate(SigningScheme.None, secret);

        // Assert
        Assert.Equal("Webhooks with the \"none\" signing scheme are not signed, so they take no secret.", message);
    }

    [Fact]
    public void Validate_Throws_WhenSchemeIsUndefined()
    {
        // Arrange
        var scheme = (SigningScheme)42;

        // Act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WebhookSecrets.Validate(scheme, "whatever-secret-123"));

        // Assert
        Assert.Equal("scheme", error.ParamName);
    }
}
