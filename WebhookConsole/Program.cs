using WebhookConsole;
using WebhookConsole.Api;
using WebhookConsole.Components;
using WebhookConsole.Data;
using WebhookConsole.Dispatching;
using WebhookConsole.Features.Accounts;
using WebhookConsole.Features.Events;
using WebhookConsole.Features.EventTypes;
using WebhookConsole.Features.Identity;
using WebhookConsole.Features.Retention;
using WebhookConsole.Features.Tokens;
using WebhookConsole.Health;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddSharedSettings();

builder.AddDatabase();
builder.AddPlatform();
builder.AddAccounts();
builder.AddAdminIdentity();
builder.AddApiTokens();
builder.AddEventTypes();
builder.AddEvents();
builder.AddDispatcher();
builder.AddRetention();
builder.AddApi();
builder.AddConsole();
builder.AddHealth();

var app = builder.Build();

app.UseApiErrors();
app.UseConsole();

var api = app.MapApiGroup();
api.MapWhoAmIApi();
api.MapEventsApi();

app.MapConsole();
app.MapHealth();
app.ScheduleRetention();

app.Run();

/// <summary>Entry point, public so integration tests can host the app.</summary>
public partial class Program;
