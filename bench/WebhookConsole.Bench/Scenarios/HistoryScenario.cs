using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebhookConsole.Data;
using WebhookConsole.Features.Deliveries;

namespace WebhookConsole.Bench.Scenarios;

/// <summary>
/// The delivery history over a large history, as a client reads it: <c>GET .../deliveries</c> over HTTP (token
/// check, query, JSON), first page of 50, alone and filtered. Each figure is the median of several requests
/// after one that warms the query; the SQL plan of the page's query is printed beside it.
/// </summary>
internal sealed class HistoryScenario(string appBaseUrl, IDbContextFactory<AppDbContext> dbFactory, BenchFixture fixture, TextWriter log)
{
    private const int PageSize = 50;
    private const int Repeats = 5;

    public async Task<(double FirstMs, double FilteredMs)> RunAsync()
    {
        log.WriteLine("history: timing GET /api/v1/accounts/{account_id}/deliveries (the REST list endpoint) over HTTP");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false });
        http.DefaultRequestHeaders.Add("X-Auth-Token", BenchAppHost.Token);
        var webhookId = fixture.FanOutWebhookIds[0];
        var first = await TimeAsync(http, "first page", "", new DeliveryFilter());
        var failed = await TimeAsync(http, "status=failed", "&status=failed", new DeliveryFilter(Status: DeliveryStatus.Failed));
        await TimeAsync(http, "webhook_id", $"&webhook_id={webhookId}", new DeliveryFilter(WebhookId: webhookId));
        return (first, failed);
    }

    /// <summary>Median of <see cref="Repeats"/> requests after one that compiles the query and warms the cache, which is printed too.</summary>
    private async Task<double> TimeAsync(HttpClient http, string name, string query, DeliveryFilter filter)
    {
        var url = $"{appBaseUrl}/api/v1/accounts/{fixture.AccountId}/deliveries?page_size={PageSize}{query}";
        var times = new List<double>();
        for (var run = 0; run <= Repeats; run++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Check(name, response.StatusCode, body);
        }
        var median = times.Skip(1).Order().ElementAt(Repeats / 2);

        await using var db = await dbFactory.CreateDbContextAsync();
        var plan = await QueryPlan.ExplainAsync(db, PageQuery(db, filter));
        log.WriteLine($"history {name}: median {median:0.00} ms of {Repeats} (first run {times[0]:0.00} ms); plan: {string.Join(" | ", plan)}");
        if (!plan.Any(step => step.Contains("USING INDEX IX_Deliveries_AccountId", StringComparison.Ordinal)))
        {
            log.WriteLine($"history {name}: WARNING the plan uses none of the history indexes");
        }
        return median;
    }

    /// <summary>The page's query as <see cref="DeliveryQueryService"/> builds it, for its plan.</summary>
    private IQueryable<object> PageQuery(AppDbContext db, DeliveryFilter filter) =>
        DeliveryQueryService.Filtered(db, fixture.AccountId, filter)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(PageSize + 1)
            .Join(db.Events, d => d.CallEventId, e => e.Id, (d, e) => new { Delivery = d, e.EventId, e.EnvironmentName });

    private static void Check(string name, HttpStatusCode status, byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var items = status == HttpStatusCode.OK && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array ? data.GetArrayLength() : -1;
        if (items != PageSize || !root.TryGetProperty("next_start_key", out _))
        {
            throw new InvalidOperationException($"history {name}: expected {PageSize} items and a next page, got {(int)status}: {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(300, body.Length)]}");
        }
    }
}
