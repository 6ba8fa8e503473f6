using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookConsole.Components.Pages.Admins;
using WebhookConsole.Features.Identity;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components.Pages.Admins;

[Collection(AppCollection.Name)]
public sealed class AdminsPageTests() : ConsoleTestContext(ConsoleSignIn.BootstrapAdmin)
{
    private const string SecondEmail = "second@example.com";
    private const string SecondPassword = "An0ther!Passw0rd";

    [Fact]
    public async Task Page_ListsTheAdminsAndMarksTheSignedInOne()
    {
        await SignInAsAsync(ConsoleSignIn.AdminEmail);

        var page = RenderInConsole<AdminsPage>();

        page.WaitForAssertion(() => Assert.Contains(ConsoleSignIn.AdminEmail, page.Find("#admins-table").TextContent));
        var row = page.Find("#admins-table tbody tr");
        Assert.Contains("You", row.TextContent);
        Assert.Contains("Active", row.TextContent);
        Assert.Equal($"Remove admin {ConsoleSignIn.AdminEmail}", row.QuerySelector("button")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Page_ShowsWhenEachAdminWasCreated_InTheConsolesDateFormat()
    {
        await SignInAsAsync(ConsoleSignIn.AdminEmail);
        await using (var db = App.Database.CreateContext())
        {
            await db.Users.Where(u => u.Email == ConsoleSignIn.AdminEmail)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc)));
        }

        var page = RenderInConsole<AdminsPage>();

        page.WaitForAssertion(() => Assert.Contains(ConsoleSignIn.AdminEmail, page.Find("#admins-table").TextContent));
        Assert.Equal(["Email", "Created", "Status", "Actions"], page.FindAll("#admins-table thead th").Select(th => th.TextContent.Trim()));
        var created = page.Find("#admins-table tbody tr td[data-label='Created']");
        Assert.Equal("2026-03-04 05:06 UTC", created.TextContent.Trim());
    }

    [Fact]
    public async Task AddAdmin_ListsTheNewAdminAndClearsTheForm()
    {
        await SignInAsAsync(ConsoleSignIn.AdminEmail);
        var page = RenderInConsole<AdminsPage>();
        page.WaitForElement("#admins-table");

        page.Find("#admin-email").Input(SecondEmail);
        page.Find("#admin-password").Input(SecondPassword);
        page.Find("#add-admin").Click();

        page.WaitForAssertion(() => Assert.Contains(SecondEmail, page.Find("#admins-table").TextContent));
        Assert.Equal("", page.Find("#admin-password").GetAttribute("value") ?? "");
        Assert.Contains($"Admin '{SecondEmail}' added", Host.Markup);
    }

    [Fact]
    public async Task AddAdmin_ShowsThePasswordRulesOnTheField_WhenThePasswordIsWeak()
    {
        await SignInAsAsync(ConsoleSignIn.AdminEmail);
        var page = RenderInConsole<AdminsPage>();
        page.WaitForElement("#admins-table");

        page.Find("#admin-email").Input(SecondEmail);
        page.Find("#admin-password").Input("weakpassword");
        page.Find("#add-admin").Click();

        page.WaitForAssertion(() => Assert.Contains("Passwords must have at least one digit ('0'-'9').",
            page.Find("#admin-password").Closest(".mud-input-control")!.TextContent));
        Assert.DoesNotContain(SecondEmail, page.Find("#admins-table").TextContent);
    }

    [Fact]
    public async Task PasswordHint_NamesTheRulesIdentityChecks()
    {
        await SignInAsAsync(ConsoleSignIn.AdminEmail);

        var page = RenderInConsole<AdminsPage>();

        page.WaitForElement("#admins-table");
        Assert.Contains("At least 8 characters, with upper and lower case, a digit and a symbol.", PasswordField(page).TextContent);
    }

    [Fact]
    public async Task PasswordHint_FollowsTheIdentityOptions_WhenTheyChange()
    {
        await SignInAsAsync(ConsoleSignIn.AdminEmail);
        // The app's own options object, which Identity's validation reads too: hint and validation change together.
        var password = App.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Password;
        password.RequiredLength = 12;
        password.RequireNonAlphanumeric = false;
        password.RequiredUniqueChars = 4;

        var page = RenderInConsole<AdminsPage>();
        page.WaitForElement("#admins-table");
        Assert.Contains("At least 12 characters, with upper and lower case, a digit and at least 4 different characters.", PasswordField(page).TextContent);

        page.Find("#admin-email").Input(SecondEmail);
        page.Find("#admin-password").Input("Short1pass");
        page.Find("#add-admin").Click();
        page.WaitForAssertion(() => Assert.Contains("Passwords must be at least 12 characters.", PasswordField(page).TextContent));

        page.Find("#admin-password").Input("Long1enoughpass");
        page.Find("#add-admin").Click();
        page.WaitForAssertion(() => Assert.Contains(SecondEmail, page.Find("#admins-table").TextContent));
    }

    private static AngleSharp.Dom.IElement PasswordField(IRenderedComponent<AdminsPage> page) =>
        page.Find("#admin-password").Closest(".mud-input-control")!;

    [Fact]
    public async Task AddAdmin_ShowsTheFaultOnTheEmail_WhenTheEmailIsTaken()
    {
        await SignInAsAsync(ConsoleSignIn.AdminEmail);
        var page = RenderInConsole<AdminsPage>();
        page.WaitForElement("#admins-table");

        page.Find("#admin-email").Input(ConsoleSignIn.AdminEmail);
        page.Find("#admin-password").Input(SecondPassword);
        page.Find("#add-admin").Click();

        page.WaitForAssertion(() => Assert.Contains("An admin with this email exists already.",
            page.Find("#admin-email").Closest(".mud-input-control")!.TextContent));
        Assert.Single(page.FindAll("#admins-table tbody tr"));
    }

    [Fact]
    public async Task Remove_AsksFirstAndTakesTheAdminOffTheList()
    {
        await SignInAsAsync(ConsoleSignIn.AdminEmail);
        await App.Services.GetRequiredService<AdminService>().AddAsync(SecondEmail, SecondPassword, new(), CancellationToken.None);
        var page = RenderInConsole<AdminsPage>();
        page.WaitForAssertion(() => Assert.Contains(SecondEmail, page.Find("#admins-table").TextContent));

        page.Find($"button[aria-label='Remove admin {SecondEmail}']").Click();
        Host.WaitForAssertion(() => Assert.Contains("will be signed out everywhere", Host.Markup));
        Host.Find("#confirm-yes").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain(SecondEmail, page.Find("#admins-table").TextContent));
        Assert.Single(await App.Services.GetRequiredService<AdminService>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Remove_SaysWhyAndKeepsTheAdmin_WhenAdminsRemoveThemselves()
    {
        await SignInAsAsync(ConsoleSignIn.AdminEmail);
        await App.Services.GetRequiredService<AdminService>().AddAsync(SecondEmail, SecondPassword, new(), CancellationToken.None);
        var page = RenderInConsole<AdminsPage>();
        page.WaitForAssertion(() => Assert.Contains(SecondEmail, page.Find("#admins-table").TextContent));

        page.Find($"button[aria-label='Remove admin {ConsoleSignIn.AdminEmail}']").Click();
        Host.WaitForElement("#confirm-yes").Click();

        Host.WaitForAssertion(() => Assert.Contains("You cannot remove yourself: another admin can.", Host.Markup));
        Assert.Equal(2, page.FindAll("#admins-table tbody tr").Count);
    }

    /// <summary>Gives this context's sign-in the claims a real sign-in of that admin carries, its user id among them.</summary>
    private async Task SignInAsAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        var admin = (await users.FindByEmailAsync(email))!;
        Authorization.SetAuthorized(email);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Email, email));
    }
}
