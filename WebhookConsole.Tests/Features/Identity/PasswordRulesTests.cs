using Microsoft.AspNetCore.Identity;
using WebhookConsole.Features.Identity;

namespace WebhookConsole.Tests.Features.Identity;

public sealed class PasswordRulesTests
{
    [Fact]
    public void Describe_NamesEveryRule_WhenIdentityRequiresThemAll()
    {
        var options = new PasswordOptions { RequiredLength = 8 };

        Assert.Equal("At least 8 characters, with upper and lower case, a digit and a symbol.", PasswordRules.Describe(options));
    }

    [Fact]
    public void Describe_NamesOnlyTheLength_WhenNothingElseIsRequired()
    {
        var options = new PasswordOptions
        {
            RequiredLength = 14, RequireDigit = false, RequireLowercase = false, RequireUppercase = false, RequireNonAlphanumeric = false,
        };

        Assert.Equal("At least 14 characters.", PasswordRules.Describe(options));
    }

    [Theory]
    [InlineData(true, false, "At least 6 characters, with an upper-case letter and at least 3 different characters.")]
    [InlineData(false, true, "At least 6 characters, with a lower-case letter and at least 3 different characters.")]
    public void Describe_NamesTheOneCaseRequired_AndTheDistinctCharacters(bool upper, bool lower, string expected)
    {
        var options = new PasswordOptions
        {
            RequiredLength = 6, RequireUppercase = upper, RequireLowercase = lower, RequireDigit = false, RequireNonAlphanumeric = false,
            RequiredUniqueChars = 3,
        };

        Assert.Equal(expected, PasswordRules.Describe(options));
    }

    [Fact]
    public void Describe_AsksForAtLeastOneCharacter_WhenNoLengthIsRequired()
    {
        // Identity refuses an empty password even then.
        var options = new PasswordOptions
        {
            RequiredLength = 0, RequireDigit = true, RequireLowercase = false, RequireUppercase = false, RequireNonAlphanumeric = false,
        };

        Assert.Equal("At least 1 character, with a digit.", PasswordRules.Describe(options));
    }
}
