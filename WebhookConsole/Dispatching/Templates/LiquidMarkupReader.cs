namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// A cursor over the content of one markup ({{ ... }} or {% ... %}). Every error is reported at the markup's
/// start, so that validation points at the '{{' or '{%' the fault is in.
/// </summary>
internal sealed class LiquidMarkupReader(string source, int start, int end, int errorAt)
{
    private const int MaxNesting = 16;

    private int _nesting;

    public int Position { get; set; } = start;

    public bool AtEnd
    {
        get
        {
            SkipSpaces();
            return Position >= end;
        }
    }

    /// <summary>The character at the cursor, or '\0' past the end.</summary>
    public char Current => Position < end ? source[Position] : '\0';

    public char Next => Position + 1 < end ? source[Position + 1] : '\0';

    public static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

    public TemplateSyntaxException Error(string message) => new(errorAt, message);

    public TemplateSyntaxException Unexpected() => Error($"unexpected '{source[Position..end].Trim()}'");

    public string Slice(int from, int to) => source[from..to];

    public bool StartsWith(string text) => source.AsSpan(Position, end - Position).StartsWith(text, StringComparison.Ordinal);

    public int IndexOf(char c) => source.IndexOf(c, Position, end - Position);

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw Unexpected();
        }
    }

    public void Expect(char symbol)
    {
        if (!TryChar(symbol))
        {
            throw AtEnd ? Error($"expected '{symbol}'") : Error($"expected '{symbol}' before '{source[Position..end].Trim()}'");
        }
    }

    public bool TryChar(char symbol)
    {
        SkipSpaces();
        if (Current != symbol || Position >= end)
        {
            return false;
        }
        Position++;
        return true;
    }

    public bool TryKeyword(string word)
    {
        SkipSpaces();
        var after = Position + word.Length;
        if (!StartsWith(word) || (after < end && IsNamePart(source[after])))
        {
            return false;
        }
        Position = after;
        return true;
    }

    public string? ReadName()
    {
        SkipSpaces();
        if (!(char.IsLetter(Current) || Current == '_'))
        {
            return null;
        }
        var nameStart = Position;
        while (Position < end && IsNamePart(source[Position]))
        {
            Position++;
        }
        return source[nameStart..Position];
    }

    public void SkipSpaces()
    {
        while (Position < end && char.IsWhiteSpace(source[Position]))
        {
            Position++;
        }
    }

    /// <summary>Guards the recursion of nested expressions against a hostile template.</summary>
    public void Enter()
    {
        if (++_nesting > MaxNesting)
        {
            throw Error("the expression is nested too deeply");
        }
    }

    public void Leave() => _nesting--;
}
