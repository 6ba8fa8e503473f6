using Microsoft.AspNetCore.Identity;

namespace WebhookConsole.Features.Identity;

/// <summary>
/// The password rules Identity enforces, said in one sentence for the forms that ask for a password: written from the
/// same <see cref="PasswordOptions"/> the validation reads, so the hint cannot promise other rules than it checks.
/// </summary>
internal static class PasswordRules
{
    public static string Describe(PasswordOptions options)
    {
        // Identity refuses an empty or blank password whatever the required length.
        var length = Math.Max(1, options.RequiredLength);
        var sentence = length == 1 ? "At least 1 character" : $"At least {length} characters";
        var needs = new List<string>();
        if (options.RequireUppercase && options.RequireLowercase)
        {
            needs.Add("upper and lower case");
        }
        else if (options.RequireUppercase)
        {
            needs.Add("an upper-case letter");
        }
        else if (options.RequireLowercase)
        {
            needs.Add("a lower-case letter");
        }
        if (options.RequireDigit)
        {
            needs.Add("a digit");
        }
        if (options.RequireNonAlphanumeric)
        {
            needs.Add("a symbol");
        }
        if (options.RequiredUniqueChars > 1)
        {
            needs.Add($"at least {options.RequiredUniqueChars} different characters");
        }
        return needs.Count switch
        {
            0 => sentence + ".",
            1 => $"{sentence}, with {needs[0]}.",
            _ => $"{sentence}, with {string.Join(", ", needs[..^1])} and {needs[^1]}.",
        };
    }
}
