using WebhookConsole.Dispatching.Templates;
using Xunit;

namespace WebhookConsole.Tests.Dispatching.Templates;

public sealed class TemplateValidationTests
{
    private readonly TemplateRenderer _renderer = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\r\n\t ")]
    public void Validate_ReturnsNull_WhenTemplateIsNullOrBlank(string? template)
    {
        // Act
        var error = _renderer.Validate(template);

        // Assert
        Assert.Null(error);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"a": 1, "b": [true, null, {"c": "plain"}]}""")]
    [InlineData("""{"d": "{{ duration | plus: 1 }}", "m": "{{ meta.event }}", "x": "{% for t in tags %}{{ t }}{% endfor %}"}""")]
    [InlineData("""{"{{ not liquid": "keys are never templates", "{% if": 1}""")]
    [InlineData("""{"raw": "{% raw %}{{ x | nope }}{% endraw %}", "c": "{% comment %}{% nope %}{% endcomment %}"}""")]
    [InlineData("""{"he": "שלום {{ name }}", "emoji": "🎉 {{ meta.timestamp | date: '%Y' }}"}""")]
    public void Validate_ReturnsNull_WhenTemplateIsValid(string template)
    {
        // Act
        var error = _renderer.Validate(template);

        // Assert
        Assert.Null(error);
    }

    [Theory]
    [InlineData("{\"a\": 1,\n  \"b\": }", 2, 8, "'}' is an invalid start of a value.")]
    [InlineData("{\"a\": 1 \"b\": 2}", 1, 9, "'\"' is invalid after a value. Expected either ',', '}', or ']'.")]
    [InlineData("{\r\n  \"a\": 1,\r\n  \"b\" 2\r\n}", 3, 7, "'2' is invalid after a property name. Expected a ':'.")]
    [InlineData("{\"a\":1} x", 1, 9, "'x' follows the end of the template's object: a template is one JSON object.")]
    [InlineData("{\"a\": [1, 2,]}", 1, 13, "The array ends with a comma before its ']', which JSON does not allow.")]
    [InlineData("{\"a\": 1,\n}", 2, 1, "The object ends with a comma before its '}', which JSON does not allow.")]
    [InlineData("\uFEFF{\"a\": 1}", 1, 1, "The text starts with a byte order mark (an invisible character); remove it.")]
    [InlineData("{\"a\": 1 // note\n}", 1, 9, "'/' is invalid after a value. Expected either ',', '}', or ']'.")]
    [InlineData("{", 1, 2, "The text ends inside an object or array: a closing '}' or ']' is missing.")]
    // Columns count characters, not UTF-8 bytes: each Hebrew letter is one column.
    [InlineData("{\"שלום\": 1 x}", 1, 12, "'x' is invalid after a value. Expected either ',', '}', or ']'.")]
    // ...and UTF-16 units, as a browser text area does: the emoji is two.
    [InlineData("{\"🎉\": 1 x}", 1, 10, "'x' is invalid after a value. Expected either ',', '}', or ']'.")]
    public void Validate_ReportsReaderPosition_WhenJsonIsInvalid(string template, int line, int column, string message)
    {
        // Act
        var error = _renderer.Validate(template);

        // Assert
        Assert.Equal(new TemplateError(line, column, message), error);
    }

    [Theory]
    [InlineData("[1, 2]", 1, 1)]
    [InlineData("\"text\"", 1, 1)]
    [InlineData("42", 1, 1)]
    [InlineData("null", 1, 1)]
    [InlineData("\n\n   [{\"a\": 1}]", 3, 4)]
    public void Validate_ReportsNotAnObject_WhenTopLevelIsNotJsonObject(string template, int line, int column)
    {
        // Act
        var error = _renderer.Validate(template);

        // Assert
        Assert.Equal(new TemplateError(line, column, "the template must be a JSON object"), error);
    }

    [Theory]
    [InlineData("{\n  \"a\": \"ok\",\n  \"b\": \"{{ name | nope }}\"\n}", 3, 9, "Liquid: unknown filter 'nope'")]
    [InlineData("{\r\n  \"a\": \"{{ x | nope }}\"\r\n}", 2, 9, "Liquid: unknown filter 'nope'")]
    [InlineData("{\"a\": \"x {{ name\"}", 1, 10, "Liquid: '{{' is not closed with '}}'")]
    [InlineData("{\"a\": \"x {% if name \"}", 1, 10, "Liquid: '{%' is not closed with '%}'")]
    [InlineData("{\"a\": \"{% include 'secrets.txt' %}\"}", 1, 8, "Liquid: unknown tag 'include'")]
    [InlineData("{\"a\": \"{% render 'x' %}\"}", 1, 8, "Liquid: unknown tag 'render'")]
    [InlineData("{\"a\": \"one\\ntwo {% if name %} never closed\"}", 1, 17, "Liquid: 'if' tag was never closed")]
    [InlineData("{\"a\": \"{% for t in tags %}{% endif %}{% endfor %}\"}", 1, 27, "Liquid: unexpected 'endif'")]
    [InlineData("{\"a\": \"{{ name name }}\"}", 1, 8, "Liquid: unexpected 'name'")]
    [InlineData("{\"a\": \"{{ name | append }}\"}", 1, 8, "Liquid: filter 'append' takes 1 argument(s), not 0")]
    [InlineData("{\"a\": \"{{ name | truncate: 1, 2, 3 }}\"}", 1, 8, "Liquid: filter 'truncate' takes 0 to 2 argument(s), not 3")]
    [InlineData("{\"a\": \"{{ 'unclosed }}\"}", 1, 8, "Liquid: a string literal is not closed")]
    [InlineData("{\"a\": \"{{ }}\"}", 1, 8, "Liquid: the output is empty")]
    [InlineData("{\"a\": \"{% for t tags %}{% endfor %}\"}", 1, 8, "Liquid: expected 'in' after the loop variable")]
    [InlineData("{\"a\": \"{% if a == %}{% endif %}\"}", 1, 8, "Liquid: expected a value")]
    [InlineData("{\"a\": \"{% else %}\"}", 1, 8, "Liquid: unexpected 'else'")]
    [InlineData("{\"a\": \"{% raw %} no end\"}", 1, 8, "Liquid: 'raw' tag was never closed")]
    // The second markup of a string is the faulty one.
    [InlineData("{\"a\": \"ok {{ a }} then {{ b | nope }}\"}", 1, 24, "Liquid: unknown filter 'nope'")]
    // Escapes before the markup take more characters in the template than in the string: \" two, \u00e9 six.
    [InlineData("{\"a\": \"\\\"q\\\" \\\\ \\u00e9 {{ b | nope }}\"}", 1, 24, "Liquid: unknown filter 'nope'")]
    [InlineData("{\"list\": [1, {\"deep\": [\"fine\", \"\\t{{ x | }}\"]}]}", 1, 35, "Liquid: expected a filter name after '|'")]
    [InlineData("{\"list\": [1, {\"deep\": [\"fine\", \"\\t{{ x |\"]}]}", 1, 35, "Liquid: '{{' is not closed with '}}'")]
    public void Validate_ReportsMarkupPosition_WhenLiquidIsInvalid(string template, int line, int column, string message)
    {
        // Act
        var error = _renderer.Validate(template);

        // Assert
        Assert.Equal(new TemplateError(line, column, message), error);
    }

    [Fact]
    public void Validate_ReportsSecondKey_WhenKeyAppearsTwice()
    {
        // Act
        var error = _renderer.Validate("{\n  \"a\": 1,\n  \"a\": 2\n}");

        // Assert
        Assert.Equal(new TemplateError(3, 3, "the key \"a\" appears twice in one object"), error);
    }

    [Fact]
    public void Validate_ReportsInvalidEscape_WhenStringHasLoneSurrogate()
    {
        // Act
        var error = _renderer.Validate("{\"a\": \"half \\ud83d\"}");

        // Assert
        Assert.Equal(new TemplateError(1, 7, "the string contains an invalid \\u escape"), error);
    }

    [Fact]
    public void Validate_ReportsDepth_WhenTemplateIsNestedTooDeeply()
    {
        // Arrange
        var template = string.Concat(Enumerable.Repeat("{\"a\":", 65)) + "1" + new string('}', 65);

        // Act
        var error = _renderer.Validate(template);

        // Assert
        Assert.NotNull(error);
        Assert.Equal((1, 321), (error.Line, error.Column));
        Assert.StartsWith("The maximum configured depth of 64 has been exceeded.", error.Message);
    }

    [Fact]
    public void Validate_ReportsNesting_WhenLiquidBlocksAreNestedTooDeeply()
    {
        // Arrange
        var liquid = string.Concat(Enumerable.Repeat("{% if a %}", 40)) + string.Concat(Enumerable.Repeat("{% endif %}", 40));

        // Act
        var error = _renderer.Validate($$"""{"a": "{{liquid}}"}""");

        // Assert
        // The 33rd {% if a %} is one too many; each is ten characters and the first is at column 8.
        Assert.Equal(new TemplateError(1, 328, "Liquid: blocks are nested too deeply"), error);
    }

    [Fact]
    public void Validate_ReturnsSameError_WhenCalledAgain()
    {
        // Arrange
        const string template = "{\"a\": \"{{ x | nope }}\"}";
        var first = _renderer.Validate(template);

        // Act
        var second = _renderer.Validate(template);

        // Assert
        Assert.Equal(new TemplateError(1, 8, "Liquid: unknown filter 'nope'"), second);
        Assert.Same(first, second);
    }

    [Fact]
    public void ToString_FormatsLineColumnAndMessage_WhenErrorIsPrinted()
    {
        // Arrange
        var error = new TemplateError(3, 17, "'}' is invalid after a value.");

        // Act
        var text = error.ToString();

        // Assert
        Assert.Equal("line 3, column 17: '}' is invalid after a value.", text);
    }
}
