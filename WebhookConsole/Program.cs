using WebhookConsole;
using WebhookConsole.Api;
using WebhookConsole.Components;
using WebhookConsole.Data;
using WebhookConsole.Data.NodeChanges;
using WebhookConsole.Dispatching;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Audit;
using WebhookConsole.Features.Dashboard;
using WebhookConsole.Features.Deliveries;
using WebhookConsole.Features.Environments;
using WebhookConsole.Features.Events;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Identity;
using WebhookConsole.Features.Retention;
using WebhookConsole.Features.Tokens;
using WebhookConsole.Features.Webhooks;
using WebhookConsole.Health;
using WebhookConsole.Hosting;

var builder = WebApplication.CreateBuilder(args.WithoutSettingsWatch());
builder.PollSettingsFiles();
builder.Configuration.AddSharedSettings();
builder.AddStartupFailureReport();

builder.AddRequestLimits();
builder.AddDatabase();
builder.AddPlatform();
builder.AddAudit();
builder.AddAccounts();
builder.AddAdminIdentity();
builder.AddApiTokens();
builder.AddEventTypes();
builder.AddEvents();
builder.AddWebhooks();
builder.AddEnvironments();
builder.AddDeliveries();
builder.AddDashboard();
builder.AddDispatcher();
builder.AddNodeChanges();
builder.AddRetention();
builder.AddApi();
builder.AddApiDocumentation();
builder.AddConsole();
builder.AddHealth();

var app = builder.Build();
if (await app.RefusesItsSettingsAsync())
{
    return 1;
}

app.UseSecurityHeaders();
// Before anything reads the request, so a request past the limits is refused as a whole.
app.UseRequestLimits();

app.UseConsole();
// Inside the console's error page, so an exception under /api is answered in the API's error shape, not that page.
app.UseApiErrors();
app.UseAdminIdentity();

var api = app.MapApiGroup();
api.MapWhoAmIApi();
api.MapEventsApi();
api.MapWebhooksApi();
api.MapEnvironmentsApi();
api.MapDeliveriesApi();
api.MapEventTypesApi();
app.MapApiDocumentation();

app.MapConsole();
app.MapHealth();
app.MapAdminIdentity();
app.ScheduleRetention();

return await app.RunReportingStartupFailureAsync();

/// <summary>Entry point, public so integration tests can host the app.</summary>
public partial class Program;
