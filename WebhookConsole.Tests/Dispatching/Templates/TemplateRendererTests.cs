using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookConsole.Dispatching.Templates;
using Xunit;

namespace WebhookConsole.Tests.Dispatching.Templates;

public sealed class TemplateRendererTests
{
    // Written as the dispatcher writes bodies: non-ASCII text stays UTF-8 rather than \u escapes.
    private static readonly JsonSerializerOptions BodyJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly DateTime OccurredAt = new(2024, 7, 30, 14, 35, 0, 123, DateTimeKind.Utc);

    private const string CallData = """
        {
          "call_id": "call_123",
          "duration": 60,
          "price": 12.345,
          "name": "Ada Lovelace",
          "answered": true,
          "voicemail": false,
          "transfer_to": null,
          "tags": ["vip", "sales", "emea"],
          "items": [{"sku": "A-1", "qty": 2}, {"sku": "B-2", "qty": 5}],
          "call_details": {"notes": "Asked for \"premium\"", "caller id": "+1 555 0100", "agent": {"name": "Grace"}},
          "big": 12345678901234567890123,
          "huge": 1e300
        }
        """;

    private readonly TemplateRenderer _renderer = new();

    public static TheoryData<string> JsonValues => new()
    {
        "60", "60.5", "-42", "-0.75", "0", "12345678901234567890123", "1e300", "1.5E-7", "-1.7976931348623157E+308",
        "true", "false", "null", "\"text\"", "{\"a\":1,\"b\":[true,null,{\"c\":\"d\"}]}", "[1,\"two\",{\"three\":3},[]]", "{}",
    };

    [Theory]
    [MemberData(nameof(JsonValues))]
    public void Render_KeepsFieldJsonType_WhenStringIsLonePlaceholder(string value)
    {
        // Arrange
        var data = $$"""{"v": {{value}}}""";

        // Act
        var body = Render("""{"v": "{{ v }}"}""", data);

        // Assert
        Assert.Equal($$"""{"v":{{value}}}""", body);
    }

    [Theory]
    [InlineData("{{duration}}")]
    [InlineData("{{  duration  }}")]
    [InlineData("{{\\tduration\\n}}")]
    [InlineData("{{ \\r\\n duration}}")]
    [InlineData("{{- duration -}}")]
    public void Render_KeepsNumber_WhenLonePlaceholderHasOddSpacing(string placeholder)
    {
        // Arrange
        var template = $$"""{"duration": "{{placeholder}}"}""";

        // Act
        var body = Render(template, CallData);

        // Assert
        Assert.Equal("""{"duration":60}""", body);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("call_details.missing")]
    [InlineData("missing.deeper.still")]
    [InlineData("items[5]")]
    [InlineData("tags[-4]")]
    [InlineData("transfer_to")]
    [InlineData("duration.seconds")]
    public void Render_RendersNull_WhenLonePlaceholderFindsNoValue(string path)
    {
        // Act
        var body = Render($$$"""{"v": "{{ {{{path}}} }}"}""", CallData);

        // Assert
        Assert.Equal("""{"v":null}""", body);
    }

    [Theory]
    [InlineData("{{ duration | plus: 0 }}", "\"60\"")]
    [InlineData("{{ tags | size }}", "\"3\"")]
    [InlineData("{{ answered | default: false }}", "\"true\"")]
    [InlineData("{{ items | json }}", "\"[{\\\"sku\\\":\\\"A-1\\\",\\\"qty\\\":2},{\\\"sku\\\":\\\"B-2\\\",\\\"qty\\\":5}]\"")]
    [InlineData("{{ missing | default: 5 }}", "\"5\"")]
    public void Render_RendersString_WhenLonePlaceholderHasFilter(string placeholder, string expected)
    {
        // Act
        var body = Render($$"""{"v": "{{placeholder}}"}""", CallData);

        // Assert
        Assert.Equal($$"""{"v":{{expected}}}""", body);
    }

    [Fact]
    public void Render_CopiesObject_WhenLonePlaceholderNamesObject()
    {
        // Arrange
        var input = Input(CallData);

        // Act
        var body = _renderer.Render("""{"details": "{{ call_details }}", "items": "{{ items }}"}""", input);
        body["details"]!["notes"] = "changed";

        // Assert
        Assert.Equal(
            """{"details":{"notes":"changed","caller id":"+1 555 0100","agent":{"name":"Grace"}},"items":[{"sku":"A-1","qty":2},{"sku":"B-2","qty":5}]}""",
            Serialize(body));
        Assert.Equal("Asked for \"premium\"", input.Data["call_details"]!["notes"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("60", "60")]
    [InlineData("60.5", "60.5")]
    [InlineData("-42", "-42")]
    [InlineData("12345678901234567890123", "12345678901234567890123")]
    [InlineData("1e300", "1e300")]
    [InlineData("1.5E-7", "1.5E-7")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "")]
    [InlineData("\"text\"", "text")]
    [InlineData("{\"a\":1,\"b\":[true,null]}", "{\"a\":1,\"b\":[true,null]}")]
    [InlineData("[1,\"two\",{\"three\":3}]", "[1,\"two\",{\"three\":3}]")]
    public void Render_InterpolatesJsonForm_WhenPlaceholderIsInsideText(string value, string expected)
    {
        // Act
        var body = Render("""{"v": "<{{ v }}>"}""", $$"""{"v": {{value}}}""");

        // Assert
        Assert.Equal("<" + expected + ">", Field(body, "v").GetString());
    }

    [Fact]
    public void Render_InterpolatesEmptyText_WhenFieldIsMissing()
    {
        // Act
        var body = Render("""{"v": "[{{ missing }}|{{ call_details.nothing.here }}|{{ items[9].sku }}]"}""", CallData);

        // Assert
        Assert.Equal("""{"v":"[||]"}""", body);
    }

    [Fact]
    public void Render_EscapesText_WhenDataHasQuotesBackslashesAndControlCharacters()
    {
        // Arrange
        var data = """{"s": "He said \"hi\" \\ C:\\temp\\new\nline2\r\n\ttab \u0001\u001f\u007f \u2028 end"}""";

        // Act
        var body = Render("""{"text": "[{{ s }}]", "lone": "{{ s }}"}""", data);

        // Assert
        const string expected = "He said \"hi\" \\ C:\\temp\\new\nline2\r\n\ttab \u0001\u001f\u007f \u2028 end";
        Assert.Equal(
            """{"text":"[He said \"hi\" \\ C:\\temp\\new\nline2\r\n\ttab \u0001\u001F\u007F \u2028 end]","lone":"He said \"hi\" \\ C:\\temp\\new\nline2\r\n\ttab \u0001\u001F\u007F \u2028 end"}""",
            body);
        Assert.Equal("[" + expected + "]", Field(body, "text").GetString());
        Assert.Equal(expected, Field(body, "lone").GetString());
    }

    [Theory]
    [InlineData("שלום עולם")]
    [InlineData("你好，世界")]
    [InlineData("مرحبا بالعالم")]
    [InlineData("🎉🚀 👩‍💻 party")]
    [InlineData("mixed: שלום 你好 مرحبا 🎉 \"q\" \\ \n")]
    public void Render_KeepsText_WhenDataHasEmojiAndNonLatinScripts(string text)
    {
        // Arrange
        var data = new JsonObject { ["s"] = text };

        // Act
        var body = Serialize(_renderer.Render("""{"text": "« {{ s }} »", "upper": "{{ s | upcase }}", "lone": "{{ s }}"}""", Input(data)));

        // Assert
        Assert.Equal("« " + text + " »", Field(body, "text").GetString());
        Assert.Equal(text.ToUpperInvariant(), Field(body, "upper").GetString());
        Assert.Equal(text, Field(body, "lone").GetString());
    }

    [Fact]
    public void Render_EmbedsCompactJson_WhenObjectWithNastyTextIsInterpolated()
    {
        // Arrange
        var data = """{"o": {"q": "a\"b\\c\nd", "he": "שלום", "n": [1.50, null]}}""";

        // Act
        var body = Render("""{"v": "obj={{ o }}"}""", data);

        // Assert
        var text = Field(body, "v").GetString()!;
        Assert.Equal("obj={\"q\":\"a\\\"b\\\\c\\nd\",\"he\":\"שלום\",\"n\":[1.50,null]}", text);
        using var inner = JsonDocument.Parse(text["obj=".Length..]);
        Assert.Equal("a\"b\\c\nd", inner.RootElement.GetProperty("q").GetString());
    }

    [Fact]
    public void Render_PassesValuesThrough_WhenTemplateHasNumbersBoolsNullAndPlainText()
    {
        // Arrange
        const string template = """{"n": 1.50, "big": 12345678901234567890123, "e": 1E+300, "neg": -0.0, "t": true, "f": false, "z": null, "s": "plain {not} liquid }}", "a": [1, "x", {"k": null}]}""";

        // Act
        var body = Render(template, CallData);

        // Assert
        Assert.Equal("""{"n":1.50,"big":12345678901234567890123,"e":1E+300,"neg":-0.0,"t":true,"f":false,"z":null,"s":"plain {not} liquid }}","a":[1,"x",{"k":null}]}""", body);
    }

    [Fact]
    public void Render_LeavesKeysAlone_WhenKeyContainsPlaceholder()
    {
        // Act
        var body = Render("""{"{{ duration }}": "{{ duration }}", "{% if x %}": 1}""", CallData);

        // Assert
        Assert.Equal("""{"{{ duration }}":60,"{% if x %}":1}""", body);
    }

    [Fact]
    public void Render_RendersEveryLevel_WhenPlaceholdersAreNestedInObjectsAndArrays()
    {
        // Arrange
        const string template = """
            {
              "call": {
                "id": "{{ call_id }}",
                "tags": ["{{ tags[0] }}", "x-{{ tags[1] }}", {"n": "{{ duration }}", "deep": [["{{ answered }}"]]}],
                "agent": "{{ call_details.agent }}"
              },
              "count": 3
            }
            """;

        // Act
        var body = Render(template, CallData);

        // Assert
        Assert.Equal(
            """{"call":{"id":"call_123","tags":["vip","x-sales",{"n":60,"deep":[[true]]}],"agent":{"name":"Grace"}},"count":3}""",
            body);
    }

    [Theory]
    [InlineData("call_details.notes", "\"Asked for \\\"premium\\\"\"")]
    [InlineData("call_details.agent.name", "\"Grace\"")]
    [InlineData("call_details[\\\"caller id\\\"]", "\"+1 555 0100\"")]
    [InlineData("['call_id']", "\"call_123\"")]
    [InlineData("items[0].sku", "\"A-1\"")]
    [InlineData("items[1]['qty']", "5")]
    [InlineData("items[-1].sku", "\"B-2\"")]
    [InlineData("items.size", "2")]
    [InlineData("items.first.sku", "\"A-1\"")]
    [InlineData("items.last.qty", "5")]
    [InlineData("tags[2]", "\"emea\"")]
    [InlineData("name.size", "12")]
    public void Render_FollowsPath_WhenPlaceholderUsesDotsAndIndexes(string path, string expected)
    {
        // Act
        var body = Render($$$"""{"v": "{{ {{{path}}} }}"}""", CallData);

        // Assert
        Assert.Equal($$"""{"v":{{expected}}}""", body);
    }

    [Theory]
    [InlineData("meta.event", "call.completed")]
    [InlineData("meta.event_id", "evt_01J3")]
    [InlineData("meta.timestamp", "2024-07-30T14:35:00.123Z")]
    [InlineData("meta.environment", "production")]
    [InlineData("meta.account_id", "acc_42")]
    [InlineData("meta.webhook_id", "wh_7")]
    [InlineData("meta.delivery_id", "del_9")]
    public void Render_RendersMetaField_WhenPlaceholderNamesMeta(string path, string expected)
    {
        // Act
        var body = Render($$$"""{"lone": "{{ {{{path}}} }}", "text": "<{{ {{{path}}} }}>"}""", CallData);

        // Assert
        Assert.Equal(expected, Field(body, "lone").GetString());
        Assert.Equal("<" + expected + ">", Field(body, "text").GetString());
    }

    [Fact]
    public void Render_RendersMetaObject_WhenLonePlaceholderIsMeta()
    {
        // Act
        var body = Render("""{"meta": "{{ meta }}"}""", CallData);

        // Assert
        Assert.Equal(
            """{"meta":{"event":"call.completed","event_id":"evt_01J3","timestamp":"2024-07-30T14:35:00.123Z","environment":"production","account_id":"acc_42","webhook_id":"wh_7","delivery_id":"del_9"}}""",
            body);
    }

    [Theory]
    [InlineData(DateTimeKind.Utc, "2024-01-02T03:04:05.000Z")]
    [InlineData(DateTimeKind.Unspecified, "2024-01-02T03:04:05.000Z")]
    public void Render_FormatsTimestampAsUtcIso_WhenTimestampHasNoMilliseconds(DateTimeKind kind, string expected)
    {
        // Arrange
        var input = Input(CallData) with { Timestamp = new DateTime(2024, 1, 2, 3, 4, 5, kind) };

        // Act
        var body = _renderer.Render("""{"ts": "{{ meta.timestamp }}"}""", input);

        // Assert
        Assert.Equal($$"""{"ts":"{{expected}}"}""", Serialize(body));
    }

    [Fact]
    public void Render_ConvertsToUtc_WhenTimestampIsLocal()
    {
        // Arrange
        var utc = new DateTime(2024, 7, 30, 14, 35, 0, 123, DateTimeKind.Utc);
        var input = Input(CallData) with { Timestamp = utc.ToLocalTime() };

        // Act
        var body = _renderer.Render(null, input);

        // Assert
        Assert.Equal("2024-07-30T14:35:00.123Z", body["timestamp"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{{ name | upcase }}", "ADA LOVELACE")]
    [InlineData("{{ name | downcase }}", "ada lovelace")]
    [InlineData("{{ 'hELLO wORLD' | capitalize }}", "Hello world")]
    [InlineData("{{ missing | default: 'n/a' }}", "n/a")]
    [InlineData("{{ transfer_to | default: 'none' }}", "none")]
    [InlineData("{{ voicemail | default: 'no' }}", "no")]
    [InlineData("{{ name | append: '!' | prepend: '¡' }}", "¡Ada Lovelace!")]
    [InlineData("{{ 'a-b-c' | replace: '-', '+' }}", "a+b+c")]
    [InlineData("{{ 'a-b-c' | remove: '-' }}", "abc")]
    [InlineData("{{ '  padded \\t' | strip }}", "padded")]
    [InlineData("{{ call_details.notes | truncate: 10 }}", "Asked f...")]
    [InlineData("{{ '🎉🎉🎉🎉' | truncate: 3, '' }}", "🎉🎉🎉")]
    [InlineData("{{ tags | size }}", "3")]
    [InlineData("{{ name | size }}", "12")]
    [InlineData("{{ duration | plus: 5 }}", "65")]
    [InlineData("{{ duration | minus: 75 }}", "-15")]
    [InlineData("{{ duration | times: 1.5 }}", "90.0")]
    [InlineData("{{ duration | divided_by: 7 }}", "8")]
    [InlineData("{{ duration | divided_by: 7.0 | round: 2 }}", "8.57")]
    [InlineData("{{ duration | divided_by: 0 }}", "")]
    [InlineData("{{ price | round: 2 }}", "12.35")]
    [InlineData("{{ price | round }}", "12")]
    [InlineData("{{ '2.5' | plus: 1 }}", "3.5")]
    [InlineData("{{ big | plus: 1 }}", "12345678901234567890124")]
    [InlineData("{{ meta.timestamp | date: '%Y-%m-%d %H:%M:%S.%L %a %b %-d' }}", "2024-07-30 14:35:00.123 Tue Jul 30")]
    [InlineData("{{ 0 | date: '%F %T' }}", "1970-01-01 00:00:00")]
    [InlineData("{{ 'not a date' | date: '%Y' }}", "not a date")]
    [InlineData("{{ tags | join: ', ' }}", "vip, sales, emea")]
    [InlineData("{{ tags | first }}/{{ tags | last }}", "vip/emea")]
    [InlineData("{{ items | map: 'sku' | join: '+' }}", "A-1+B-2")]
    [InlineData("{{ \\\"<a href='x'>Tom & Jerry's</a>\\\" | escape }}", "&lt;a href=&#39;x&#39;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")]
    [InlineData("{{ '\\\"quoted\\\"' | escape }}", "&quot;quoted&quot;")]
    [InlineData("{{ name | json }}", "\"Ada Lovelace\"")]
    [InlineData("{{ call_details.agent | json }}", "{\"name\":\"Grace\"}")]
    [InlineData("{{ 'a b&c=d+e/é' | url_encode }}", "a%20b%26c%3Dd%2Be%2F%C3%A9")]
    [InlineData("{{ 'a,b,,c' | split: ',' | size }}", "4")]
    public void Render_RendersFilterResultAsString_WhenFilterIsUsed(string placeholder, string expected)
    {
        // Act
        var body = Render($$"""{"v": "{{placeholder}}"}""", CallData);

        // Assert
        Assert.Equal(expected, Field(body, "v").GetString());
    }

    [Theory]
    [InlineData("{% if duration > 30 %}long{% elsif duration > 10 %}medium{% else %}short{% endif %}", "long")]
    [InlineData("{% if missing %}yes{% else %}no{% endif %}", "no")]
    [InlineData("{% if answered and voicemail == false %}live{% endif %}", "live")]
    [InlineData("{% if voicemail or tags contains 'vip' %}vip{% endif %}", "vip")]
    [InlineData("{% if name contains 'Ada' %}ada{% endif %}", "ada")]
    [InlineData("{% if transfer_to == nil and '' == empty and missing != empty %}a{% else %}b{% endif %}", "a")]
    [InlineData("{% if big > 1000000 %}big{% endif %}", "big")]
    [InlineData("{% unless answered %}missed{% else %}answered{% endunless %}", "answered")]
    [InlineData("{% for t in tags %}{{ forloop.index }}.{{ t }}{% unless forloop.last %}, {% endunless %}{% endfor %}", "1.vip, 2.sales, 3.emea")]
    [InlineData("{% for t in tags reversed limit: 2 %}{{ t }} {% endfor %}", "sales vip ")]
    [InlineData("{% for t in tags offset: 1 %}{{ t }};{% endfor %}", "sales;emea;")]
    [InlineData("{% for i in (1..5) %}{% if i == 4 %}{% break %}{% endif %}{% if i == 2 %}{% continue %}{% endif %}{{ i }}{% endfor %}", "13")]
    [InlineData("{% for item in items %}{{ item.sku }}x{{ item.qty }} {% endfor %}", "A-1x2 B-2x5 ")]
    [InlineData("{% for x in missing %}never{% else %}empty{% endfor %}", "empty")]
    [InlineData("{% for pair in call_details.agent %}{{ pair[0] }}={{ pair[1] }}{% endfor %}", "name=Grace")]
    [InlineData("{% case meta.environment %}{% when 'staging', 'dev' %}test{% when 'production' %}live{% else %}?{% endcase %}", "live")]
    [InlineData("{% assign total = items[0].qty | plus: items[1].qty %}total={{ total }}", "total=7")]
    [InlineData("{% capture label %}{{ name }} ({{ duration }}s){% endcapture %}{{ label | upcase }}", "ADA LOVELACE (60S)")]
    [InlineData("{% raw %}{{ not rendered }}{% endraw %}", "{{ not rendered }}")]
    [InlineData("a{% comment %}{{ hidden }}{% endcomment %}b{% # inline note %}c", "abc")]
    [InlineData("x  {{- name -}}  y", "xAda Lovelacey")]
    [InlineData("{{ name }}{{ duration }}", "Ada Lovelace60")]
    public void Render_RendersString_WhenTemplateUsesTags(string liquid, string expected)
    {
        // Act
        var body = Render($$"""{"v": "{{liquid}}"}""", CallData);

        // Assert
        Assert.Equal(expected, Field(body, "v").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    public void Render_ReturnsEnvelope_WhenTemplateIsNullOrBlank(string? template)
    {
        // Act
        var body = Render(template, """{"duration": 60, "big": 12345678901234567890123, "text": "שלום \"x\"\n🎉", "n": null}""");

        // Assert
        Assert.Equal(
            """{"event":"call.completed","event_id":"evt_01J3","timestamp":"2024-07-30T14:35:00.123Z","environment":"production","data":{"duration":60,"big":12345678901234567890123,"text":"שלום \"x\"\n\uD83C\uDF89","n":null}}""",
            body);
    }

    [Fact]
    public void Render_OverwritesEnvelopeFields_WhenCustomDataHasSameKeys()
    {
        // Act
        var body = Render(null, """{"duration": 60}""", """{"event": "custom.event", "data": "replaced", "extra": {"a": [1, "ü"]}}""");

        // Assert
        Assert.Equal(
            """{"event":"custom.event","event_id":"evt_01J3","timestamp":"2024-07-30T14:35:00.123Z","environment":"production","data":"replaced","extra":{"a":[1,"ü"]}}""",
            body);
    }

    [Fact]
    public void Render_MergesCustomDataLast_WhenTemplateRendersSameKey()
    {
        // Act
        var body = Render("""{"source": "{{ name }}", "duration": "{{ duration }}"}""", CallData, """{"source": "crm", "team": null, "n": 1.0}""");

        // Assert
        Assert.Equal("""{"source":"crm","duration":60,"team":null,"n":1.0}""", body);
    }

    [Fact]
    public void Render_ReturnsIndependentBodies_WhenSameInputIsRenderedTwice()
    {
        // Arrange
        var input = Input(CallData, """{"c": {"k": 1}}""");
        var first = _renderer.Render(null, input);

        // Act
        first["data"]!["duration"] = 0;
        first["c"]!["k"] = 2;
        var second = _renderer.Render(null, input);

        // Assert
        Assert.Equal(60, second["data"]!["duration"]!.GetValue<int>());
        Assert.Equal(1, second["c"]!["k"]!.GetValue<int>());
        Assert.Equal(60, input.Data["duration"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"a": "{% include 'secrets' %}"}""", "line 1, column 8: Liquid: unknown tag 'include'")]
    [InlineData("""{"a": 1""", "line 1, column 8: ")]
    [InlineData("""[1]""", "line 1, column 1: the template must be a JSON object")]
    public void Render_ThrowsWithPosition_WhenTemplateIsInvalid(string template, string expected)
    {
        // Act
        var error = Assert.Throws<TemplateRenderException>(() => _renderer.Render(template, Input(CallData)));

        // Assert
        Assert.StartsWith("the template is invalid: " + expected, error.Message);
    }

    [Theory]
    [InlineData("{% for i in (1..100000000) %}x{% endfor %}", "the range (1..100000000) has more than 100000 items")]
    [InlineData("{% for a in (1..1000) %}{% for b in (1..1000) %}{% endfor %}{% endfor %}", "the template ran more than 100000 loop iterations")]
    [InlineData("{% assign s = 'abcdefghij' %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}", "a filter produced more than 4194304 characters")]
    [InlineData("{% assign s = 'abcdefghij' %}{% for i in (1..18) %}{% assign s = s | append: s %}{% endfor %}{{ s }}{{ s }}", "the rendered text is longer than 4194304 characters")]
    public void Render_ThrowsRenderException_WhenTemplateExceedsLimits(string liquid, string expected)
    {
        // Act
        var error = Assert.Throws<TemplateRenderException>(() => _renderer.Render($$"""{"v": "{{liquid}}"}""", Input(CallData)));

        // Assert
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Render_ThrowsRenderException_WhenRenderTakesTooLong()
    {
        // Arrange
        var renderer = new TemplateRenderer(new RenderLimits(int.MaxValue, int.MaxValue, TimeSpan.FromMilliseconds(50)));
        const string template = """{"v": "{% for a in (1..10000) %}{% for b in (1..10000) %}{% endfor %}{% endfor %}"}""";

        // Act
        var error = Assert.Throws<TemplateRenderException>(() => renderer.Render(template, Input(CallData)));

        // Assert
        Assert.Equal("rendering took longer than 0.05 s", error.Message);
    }

    [Fact]
    public void Render_RendersEachInput_WhenCalledFromManyThreads()
    {
        // Arrange
        const string template = """{"i": "{{ i }}", "text": "n={{ i | plus: 1 }} {% for t in tags %}{{ t }}{% endfor %}"}""";
        var results = new string[400];

        // Act
        Parallel.For(0, results.Length, i =>
            results[i] = Serialize(_renderer.Render(template, Input($$"""{"i": {{i}}, "tags": ["a{{i}}", "b"]}"""))));

        // Assert
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal($$"""{"i":{{i}},"text":"n={{i + 1}} a{{i}}b"}""", results[i]);
        }
    }

    [Fact]
    public void Render_RendersValidJson_WhenDataIsHostile()
    {
        // Arrange: half an emoji (a lone surrogate escape), a long text, deep nesting and markup in the data itself.
        var deep = string.Concat(Enumerable.Repeat("{\"d\":", 40)) + "1" + new string('}', 40);
        var data = $$$"""{"half": "cut \ud83d", "long": "{{{new string('x', 100_000)}}}", "deep": {{{deep}}}, "markup": "{{ meta.event }} {% if %}"}""";
        const string template = """{"half": "{{ half }}", "text": "[{{ half | upcase }}]", "size": "{{ long | size }}", "deep": "{{ deep }}", "markup": "{{ markup }}", "json": "{{ half | json }}"}""";

        // Act
        var body = Render(template, data);

        // Assert
        Assert.Equal("cut \uFFFD", Field(body, "half").GetString());
        Assert.Equal("[CUT \uFFFD]", Field(body, "text").GetString());
        Assert.Equal("100000", Field(body, "size").GetString());
        Assert.Equal(deep, Field(body, "deep").GetRawText());
        Assert.Equal("{{ meta.event }} {% if %}", Field(body, "markup").GetString());
        Assert.Equal("\"cut \uFFFD\"", Field(body, "json").GetString());
    }

    [Fact]
    public void Render_RendersValidJson_WhenEnvelopeDataHasLoneSurrogate()
    {
        // Act
        var body = Render(null, """{"half": "\ud83d!"}""");

        // Assert
        Assert.Equal("\uFFFD!", JsonNode.Parse(body)!["data"]!["half"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{{ long | replace: '', 'y' | size }}", "5")]
    [InlineData("{{ long | plus: 1 }}", "1")]
    [InlineData("{{ long | times: 'abc' }}", "0")]
    [InlineData("{{ huge | times: huge }}", "")]
    [InlineData("{{ huge | plus: 1 }}", "1E+300")]
    [InlineData("{{ obj | upcase }}", "{\"K\":[1,2]}")]
    [InlineData("{{ obj | date: '%Y' }}", "{\"k\":[1,2]}")]
    [InlineData("{{ long | truncate: -5 }}", "...")]
    [InlineData("{{ long | round: 99 }}", "0")]
    [InlineData("{{ big | modulo: 0 }}", "")]
    [InlineData("{{ big | date: '%Y' }}", "12345678901234567890123")]
    [InlineData("{{ long[0] }}{{ obj[0] }}{{ big.size }}", "")]
    public void Render_NeverThrows_WhenFiltersGetOddInput(string placeholder, string expected)
    {
        // Arrange
        const string data = """{"long": "xxxxx", "huge": 1e300, "big": 12345678901234567890123, "obj": {"k": [1, 2]}}""";

        // Act
        var body = Render($$"""{"v": "{{placeholder}}"}""", data);

        // Assert
        Assert.Equal(expected, Field(body, "v").GetString());
    }

    private string Render(string? template, string dataJson, string? customDataJson = null) =>
        Serialize(_renderer.Render(template, Input(dataJson, customDataJson)));

    private static TemplateInput Input(string dataJson, string? customDataJson = null) =>
        Input(JsonNode.Parse(dataJson)!.AsObject(), customDataJson is null ? null : JsonNode.Parse(customDataJson)!.AsObject());

    private static TemplateInput Input(JsonObject data, JsonObject? customData = null) =>
        new("call.completed", "evt_01J3", OccurredAt, "production", "acc_42", "wh_7", "del_9", data, customData);

    // Every body is parsed back, which proves it is valid JSON.
    private static string Serialize(JsonObject body)
    {
        var json = body.ToJsonString(BodyJson);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return json;
    }

    private static JsonElement Field(string body, string name)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty(name).Clone();
    }
}
