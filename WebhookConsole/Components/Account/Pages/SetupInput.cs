using System.ComponentModel.DataAnnotations;

namespace WebhookConsole.Components.Account.Pages;

public sealed class SetupInput
{
    [Required(ErrorMessage = "Enter an email.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    // The rules themselves are Identity's (PasswordRules says them on the page): a length here would be a second copy.
    [StringLength(200, ErrorMessage = "Use at most 200 characters.")]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";
}
