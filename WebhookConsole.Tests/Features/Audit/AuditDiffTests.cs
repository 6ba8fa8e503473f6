using WebhookConsole.Features.Audit;

namespace WebhookConsole.Tests.Features.Audit;

public sealed class AuditDiffTests
{
    private const string Before = """{"name": "CRM", "body_template": "{\"call\": \"{{ uuid }}\"}"}""";
    private const string After = """{"name": "CRM José 📞", "body_template": "{\"call\": \"<{{ uuid }}>\"}"}""";

    [Fact]
    public void Compare_ShowsValuesAsTheyWereTyped_QuotesNonAsciiAndEmojiIncluded()
    {
        var changes = AuditDiff.Compare(Before, After);

        var template = Assert.Single(changes, c => c.Field == "body_template");
        Assert.Equal("\"{\\\"call\\\": \\\"{{ uuid }}\\\"}\"", template.Before);
        Assert.Equal("\"{\\\"call\\\": \\\"<{{ uuid }}>\\\"}\"", template.After);
        Assert.Equal("\"CRM José 📞\"", Assert.Single(changes, c => c.Field == "name").After);
    }

    [Fact]
    public void Pretty_IndentsTheSnapshot_WithoutEscapingItsText()
    {
        Assert.Equal("{\n  \"name\": \"CRM José 📞\",\n  \"body_template\": \"{\\\"call\\\": \\\"<{{ uuid }}>\\\"}\"\n}", AuditDiff.Pretty(After));
    }
}
