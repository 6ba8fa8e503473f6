using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Tokens;

namespace WebhookConsole.Tests.Features.Audit;

/// <summary>Who a change is recorded under, in each place a change can come from.</summary>
public sealed class AuditActorTests
{
    private readonly HttpContextAccessor http = new();

    private sealed class FixedAuthentication(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private static ClaimsPrincipal Admin(string email) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Email, email)], "Identity.Application"));

    [Fact]
    public void Current_IsSystem_WhenNoRequestAndNoCircuit()
    {
        Assert.Equal(AuditActor.System, new AuditActor(http).Current);
    }

    [Fact]
    public void Current_NamesTheToken_WhenAnApiCallerIsOnTheRequest()
    {
        var context = new DefaultHttpContext();
        context.Items[typeof(ApiCaller)] = new ApiCaller(Guid.NewGuid(), "Default", Guid.NewGuid(), "CRM sync");
        http.HttpContext = context;

        Assert.Equal("token:CRM sync", new AuditActor(http).Current);
    }

    [Fact]
    public void Current_NamesTheAdmin_WhenTheRequestIsSignedIn()
    {
        http.HttpContext = new DefaultHttpContext { User = Admin("ops@example.com") };

        Assert.Equal("ops@example.com", new AuditActor(http).Current);
    }

    [Fact]
    public async Task CircuitHandler_NamesTheCircuitsAdmin_ForTheWorkOfEachBrowserEvent()
    {
        var actor = new AuditActor(http);
        var handler = new AuditCircuitHandler(new FixedAuthentication(Admin("ops@example.com")), actor);
        string? during = null;

        var inbound = handler.CreateInboundActivityHandler(async _ =>
        {
            await Task.Yield();
            during = actor.Current;
        });
        await inbound(null!);

        Assert.Equal("ops@example.com", during);
        Assert.Equal(AuditActor.System, actor.Current);
    }
}
