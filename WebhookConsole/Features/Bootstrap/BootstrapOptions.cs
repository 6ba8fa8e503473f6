using System.ComponentModel.DataAnnotations;
using WebhookConsole.Hosting;

namespace WebhookConsole.Features.Bootstrap;

/// <summary>The <c>Bootstrap</c> section: unattended first setup for scripts and containers.</summary>
internal sealed class BootstrapOptions : IValidatableObject
{
    public const string Section = "Bootstrap";

    /// <summary>The API reads no longer token from <c>X-Auth-Token</c>.</summary>
    public const int MaxTokenLength = 512;

    public string? AdminEmail { get; set; }
    [SecretSetting]
    public string? AdminPassword { get; set; }

    /// <summary>When set, this exact string is an API token of the default account.</summary>
    [SecretSetting]
    public string? ApiToken { get; set; }

    /// <summary>Faults name the setting and the rule, never a password's or a token's value.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(AdminEmail) != string.IsNullOrEmpty(AdminPassword))
        {
            yield return new ValidationResult(
                "Bootstrap:AdminEmail and Bootstrap:AdminPassword go together: set both to create the first admin, or neither.");
        }
        if (string.IsNullOrEmpty(ApiToken))
        {
            yield break;
        }
        // Any length the API reads is kept: a script's short test token must work as given (the deployer chooses its
        // strength; the console's own tokens are 46 characters). What could never match is refused.
        if (ApiToken.Length > MaxTokenLength)
        {
            yield return new ValidationResult(
                $"Bootstrap:ApiToken has {ApiToken.Length} characters; allowed: at most {MaxTokenLength}.");
        }
        // A header value is printable ASCII, and its spaces at either end are not part of it: such a token never matches.
        else if (ApiToken.Any(c => c is < ' ' or > '~') || ApiToken[0] == ' ' || ApiToken[^1] == ' ')
        {
            yield return new ValidationResult(
                "Bootstrap:ApiToken has a control or non-ASCII character, or a space at either end; allowed: printable ASCII, no space at either end.");
        }
    }
}
