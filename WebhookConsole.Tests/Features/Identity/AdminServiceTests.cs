using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Identity;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Identity;

[Collection(AppCollection.Name)]
public sealed class AdminServiceTests
{
    private const string SecondEmail = "second@example.com";
    private const string SecondPassword = "An0ther!Passw0rd";

    [Fact]
    public async Task AddAsync_StoresAnAdminWhoCanSignIn_AndAuditsItWithoutThePassword()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        var admins = app.Services.GetRequiredService<AdminService>();
        var errors = new FieldErrors();

        AdminSummary? added;
        using (app.Services.GetRequiredService<AuditActor>().Use(ConsoleSignIn.AdminEmail))
        {
            added = await admins.AddAsync($"  {SecondEmail} ", SecondPassword, errors, CancellationToken.None);
        }

        Assert.False(errors.Any);
        Assert.Equal(SecondEmail, added!.Email);
        Assert.Equal([ConsoleSignIn.AdminEmail, SecondEmail], (await admins.ListAsync(CancellationToken.None)).Select(a => a.Email));
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);
        await ConsoleSignIn.SignInAsync(client, SecondEmail, SecondPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
        var entry = await SingleAuditEntryAsync(app, AuditActions.AdminCreated);
        Assert.Equal(ConsoleSignIn.AdminEmail, entry.Actor);
        Assert.Equal(AuditEntityTypes.Admin, entry.EntityType);
        Assert.Equal(added.Id, entry.EntityId);
        Assert.Equal(SecondEmail, entry.EntityName);
        Assert.Null(entry.AccountId);
        Assert.DoesNotContain(SecondPassword, entry.AfterJson);
        Assert.DoesNotContain("hash", entry.AfterJson, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(ConsoleSignIn.AdminEmail)]
    [InlineData("ADMIN@Example.com")]
    public async Task AddAsync_RefusesOnTheEmailAndStoresNothing_WhenTheEmailIsTaken(string email)
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        var admins = app.Services.GetRequiredService<AdminService>();
        var errors = new FieldErrors();

        var added = await admins.AddAsync(email, SecondPassword, errors, CancellationToken.None);

        Assert.Null(added);
        Assert.Equal(["email"], errors.Items.Keys);
        Assert.Equal("An admin with this email exists already.", errors.Items["email"].Values.Single());
        Assert.Single(await admins.ListAsync(CancellationToken.None));
        Assert.Null(await AuditEntryOrNullAsync(app, AuditActions.AdminCreated));
    }

    [Fact]
    public async Task AddAsync_NamesEveryPasswordRuleAndStoresNothing_WhenThePasswordIsWeak()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        var admins = app.Services.GetRequiredService<AdminService>();
        var errors = new FieldErrors();

        var added = await admins.AddAsync(SecondEmail, "short", errors, CancellationToken.None);

        Assert.Null(added);
        Assert.Equal(["password"], errors.Items.Keys);
        var rules = errors.Items["password"].Values;
        Assert.Contains("Passwords must be at least 8 characters.", rules);
        Assert.Contains("Passwords must have at least one digit ('0'-'9').", rules);
        Assert.Single(await admins.ListAsync(CancellationToken.None));
        Assert.Null(await AuditEntryOrNullAsync(app, AuditActions.AdminCreated));
    }

    [Theory]
    [InlineData("", SecondPassword, "email", "Enter an email.")]
    [InlineData("not-an-email", SecondPassword, "email", "Email 'not-an-email' is invalid.")]
    [InlineData(SecondEmail, "", "password", "Enter an initial password.")]
    public async Task AddAsync_RefusesOnTheField_WhenAnInputIsMissingOrMalformed(string email, string password, string field, string message)
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        var admins = app.Services.GetRequiredService<AdminService>();
        var errors = new FieldErrors();

        Assert.Null(await admins.AddAsync(email, password, errors, CancellationToken.None));

        Assert.Contains(message, errors.Items[field].Values);
        Assert.Single(await admins.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_DeletesTheAdminAndAuditsIt()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        var admins = app.Services.GetRequiredService<AdminService>();
        var second = await AddSecondAsync(admins);

        var outcome = await admins.RemoveAsync(await PrincipalOfAsync(app, ConsoleSignIn.AdminEmail), second.Id, CancellationToken.None);

        Assert.Equal(AdminRemoval.Removed, outcome);
        Assert.Equal([ConsoleSignIn.AdminEmail], (await admins.ListAsync(CancellationToken.None)).Select(a => a.Email));
        var entry = await SingleAuditEntryAsync(app, AuditActions.AdminDeleted);
        Assert.Equal(second.Id, entry.EntityId);
        Assert.NotNull(entry.BeforeJson);
        Assert.Null(entry.AfterJson);
        Assert.Equal(AdminRemoval.NotFound, await admins.RemoveAsync(await PrincipalOfAsync(app, ConsoleSignIn.AdminEmail), second.Id, CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_RefusesAndKeepsTheAdmin_WhenAdminsRemoveThemselves()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        var admins = app.Services.GetRequiredService<AdminService>();
        var second = await AddSecondAsync(admins);

        var outcome = await admins.RemoveAsync(await PrincipalOfAsync(app, SecondEmail), second.Id, CancellationToken.None);

        Assert.Equal(AdminRemoval.Self, outcome);
        Assert.Equal(2, (await admins.ListAsync(CancellationToken.None)).Count);
        Assert.Null(await AuditEntryOrNullAsync(app, AuditActions.AdminDeleted));
    }

    [Fact]
    public async Task RemoveAsync_RefusesAndKeepsTheAdmin_WhenItIsTheLastAdmin()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        var admins = app.Services.GetRequiredService<AdminService>();
        var only = (await admins.ListAsync(CancellationToken.None)).Single();
        // An admin removed a moment ago whose open tab has not yet been turned away.
        var removedMeanwhile = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], "Identity.Application"));

        var outcome = await admins.RemoveAsync(removedMeanwhile, only.Id, CancellationToken.None);

        Assert.Equal(AdminRemoval.LastAdmin, outcome);
        Assert.Single(await admins.ListAsync(CancellationToken.None));
        Assert.Null(await AuditEntryOrNullAsync(app, AuditActions.AdminDeleted));
    }

    [Fact]
    public async Task RemoveAsync_EndsTheSessionOfTheRemovedAdmin_WithinTheRecheckInterval()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        var admins = app.Services.GetRequiredService<AdminService>();
        var second = await AddSecondAsync(admins);
        using var client = ConsoleSignIn.CreateBrowserLikeClient(app);
        await ConsoleSignIn.SignInAsync(client, SecondEmail, SecondPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);

        await admins.RemoveAsync(await PrincipalOfAsync(app, ConsoleSignIn.AdminEmail), second.Id, CancellationToken.None);

        await Poll.UntilAsync(
            async () => (await client.GetAsync("/hangfire")).StatusCode == HttpStatusCode.Redirect,
            AdminAuthenticationStateProvider.Interval * 3, "the removed admin's cookie to be turned away");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ConsoleSignIn.SignInAsync(client, SecondEmail, SecondPassword)).StatusCode);
    }

    private static async Task<AdminSummary> AddSecondAsync(AdminService admins) =>
        (await admins.AddAsync(SecondEmail, SecondPassword, new FieldErrors(), CancellationToken.None))!;

    /// <summary>The principal a sign-in of that admin carries.</summary>
    private static async Task<ClaimsPrincipal> PrincipalOfAsync(AppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AdminUser>>();
        return await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByEmailAsync(email))!);
    }

    private static async Task<AuditEntry> SingleAuditEntryAsync(AppFactory app, string action) =>
        await AuditEntryOrNullAsync(app, action) ?? throw new Xunit.Sdk.XunitException($"No {action} entry was recorded.");

    private static async Task<AuditEntry?> AuditEntryOrNullAsync(AppFactory app, string action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.SingleOrDefaultAsync(e => e.Action == action);
    }
}
