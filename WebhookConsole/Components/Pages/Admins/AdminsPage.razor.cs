using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MudBlazor;
using WebhookConsole.Api;
using WebhookConsole.Components.Shared;
using WebhookConsole.Features.Identity;

namespace WebhookConsole.Components.Pages.Admins;

public partial class AdminsPage
{
    [Inject] private AdminService Admins { get; set; } = default!;
    [Inject] private IOptions<IdentityOptions> Identity { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    private List<AdminSummary>? admins;
    private string? selfId;
    private string newEmail = "";
    private string newPassword = "";
    private string? emailError;
    private string? passwordError;
    private bool busy;

    /// <summary>
    /// An empty form adds nobody: the second click of a double click, which arrives once the first has added the admin and
    /// emptied the form, would otherwise flag both fields right under the confirmation. A half-filled form still says
    /// what is missing.
    /// </summary>
    private bool CannotAdd => busy || (string.IsNullOrEmpty(newEmail) && string.IsNullOrEmpty(newPassword));

    /// <summary>Read from the options Identity validates with, so the hint and the check cannot disagree.</summary>
    private string PasswordHint => PasswordRules.Describe(Identity.Value.Password);

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        selfId = user.FindFirst(Identity.Value.ClaimsIdentity.UserIdClaimType)?.Value;
        await LoadAsync();
    }

    private async Task LoadAsync() => admins = await Admins.ListAsync(CancellationToken.None);

    // Enter in the password adds the admin: the email comes first, so the form is filled in by then.
    private async Task KeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await AddAsync();
        }
    }

    private async Task AddAsync()
    {
        if (CannotAdd)
        {
            return;
        }
        busy = true;
        var errors = new FieldErrors();
        var added = await Admins.AddAsync(newEmail, newPassword, errors, CancellationToken.None);
        emailError = Faults(errors, "email");
        passwordError = Faults(errors, "password");
        busy = false;
        if (added is null)
        {
            return;
        }
        newEmail = "";
        newPassword = "";
        Snackbar.Add($"Admin '{added.Email}' added", Severity.Success);
        await LoadAsync();
    }

    private async Task RemoveAsync(AdminSummary admin)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, "Remove admin", $"'{admin.Email}' will be signed out everywhere and can no longer sign in.", "Remove"))
        {
            return;
        }
        var user = (await Authentication).User;
        var outcome = await Admins.RemoveAsync(user, admin.Id, CancellationToken.None);
        var (message, severity) = outcome switch
        {
            AdminRemoval.Removed => ($"Admin '{admin.Email}' removed", Severity.Success),
            AdminRemoval.NotFound => ($"Admin '{admin.Email}' was removed already", Severity.Info),
            AdminRemoval.Self => ("You cannot remove yourself: another admin can.", Severity.Error),
            AdminRemoval.LastAdmin => ("The last admin cannot be removed: add another admin first.", Severity.Error),
            _ => ("The admins changed at the same moment: nothing was removed. Try again.", Severity.Warning),
        };
        Snackbar.Add(message, severity);
        await LoadAsync();
    }

    /// <summary>Every rule the input broke, so a weak password is fixed in one go rather than one rule per attempt.</summary>
    private static string? Faults(FieldErrors errors, string field) =>
        errors.Items.TryGetValue(field, out var rules) ? string.Join(" ", rules.Values.Select(FieldMessage.Sentence)) : null;
}
