using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WebhookConsole.Api;
using WebhookConsole.Data;
using WebhookConsole.Features.Identity;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Features.Identity;

/// <summary>Every way an admin comes to be dates it by the app's clock.</summary>
[Collection(AppCollection.Name)]
public sealed class AdminCreatedAtTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public async Task Bootstrap_DatesTheAdmin_ByTheAppsClock()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        await using var clocked = AtFixedTime(app);

        Assert.Equal(Now.UtcDateTime, await CreatedAtAsync(clocked, ConsoleSignIn.AdminEmail));
    }

    [Fact]
    public async Task AddAsync_DatesTheAdmin_ByTheAppsClock()
    {
        await using var app = new AppFactory(ConsoleSignIn.BootstrapAdmin);
        await using var clocked = AtFixedTime(app);
        var errors = new FieldErrors();

        var added = await clocked.Services.GetRequiredService<AdminService>().AddAsync("second@example.com", "An0ther!Passw0rd", errors, CancellationToken.None);

        Assert.False(errors.Any);
        Assert.Equal(Now.UtcDateTime, added!.CreatedAt);
        Assert.Equal(Now.UtcDateTime, await CreatedAtAsync(clocked, "second@example.com"));
        var listed = (await clocked.Services.GetRequiredService<AdminService>().ListAsync(CancellationToken.None)).Single(a => a.Id == added.Id);
        Assert.Equal((Now.UtcDateTime, DateTimeKind.Utc), (listed.CreatedAt, listed.CreatedAt.Kind));
    }

    [Fact]
    public async Task Setup_DatesTheFirstAdmin_ByTheAppsClock()
    {
        await using var app = new AppFactory();
        await using var clocked = AtFixedTime(app);
        using var client = clocked.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        await ConsoleSignIn.PostFormAsync(client, "/Account/Setup", new Dictionary<string, string>
        {
            ["Input.Email"] = "first@example.com",
            ["Input.Password"] = "First!Adm1n",
            ["Input.ConfirmPassword"] = "First!Adm1n",
        });

        Assert.Equal(Now.UtcDateTime, await CreatedAtAsync(clocked, "first@example.com"));
    }

    private static WebApplicationFactory<Program> AtFixedTime(AppFactory app) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now))));

    private static async Task<DateTime> CreatedAtAsync(WebApplicationFactory<Program> app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.CreatedAt).SingleAsync();
    }
}
