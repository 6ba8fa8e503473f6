using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace WebhookConsole.Dispatching.Templates;

/// <summary>
/// The state of one body render: the variables in scope, the text being written and the limits.
/// One instance serves all string values of a body, one after the other, on one thread.
/// </summary>
internal sealed class LiquidContext
{
    private readonly TemplateInput _input;
    private readonly JsonObject _data;
    private readonly RenderLimits _limits;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<KeyValuePair<string, object?>> _scopes = [];
    private Dictionary<string, object?>? _assigned;
    private JsonObject? _meta;
    private StringBuilder _output = new();
    private long _written;
    private int _iterations;

    public LiquidContext(TemplateInput input, RenderLimits limits)
    {
        _input = input;
        _data = input.Data ?? [];
        _limits = limits;
    }

    public LiquidInterrupt Interrupt { get; set; }

    public int MaxIterations => _limits.MaxIterations;

    /// <summary>Starts a new string value: variables assigned in the previous one are gone.</summary>
    public void Begin()
    {
        _scopes.Clear();
        _assigned?.Clear();
        _output.Clear();
        Interrupt = LiquidInterrupt.None;
        CheckTime();
    }

    public string TakeOutput()
    {
        var text = _output.ToString();
        _output.Clear();
        return text;
    }

    public object? Lookup(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].Key == name)
            {
                return _scopes[i].Value;
            }
        }
        if (_assigned is not null && _assigned.TryGetValue(name, out var assigned))
        {
            return assigned;
        }
        // 'meta' names the delivery's metadata; it hides a data field of the same name.
        if (name == "meta")
        {
            return _meta ??= TemplateMetadata.Meta(_input);
        }
        return _data.TryGetPropertyValue(name, out var node) ? LiquidValues.FromNode(node) : null;
    }

    public void Assign(string name, object? value) => (_assigned ??= new(StringComparer.Ordinal))[name] = value;

    /// <summary>Adds a loop variable and returns its slot, for <see cref="SetScoped"/>.</summary>
    public int PushScoped(string name, object? value)
    {
        _scopes.Add(new(name, value));
        return _scopes.Count - 1;
    }

    public void SetScoped(int slot, object? value) => _scopes[slot] = new(_scopes[slot].Key, value);

    public void PopScoped(int count) => _scopes.RemoveRange(_scopes.Count - count, count);

    public void Write(string text)
    {
        _written += text.Length;
        if (_written > _limits.MaxOutputLength)
        {
            throw new TemplateRenderException($"the rendered text is longer than {_limits.MaxOutputLength} characters");
        }
        _output.Append(text);
    }

    /// <summary>Runs <paramref name="body"/> with its text going to a fresh buffer, and returns that text.</summary>
    public string Capture(Action<LiquidContext> body)
    {
        var outer = _output;
        _output = new StringBuilder();
        try
        {
            body(this);
            return _output.ToString();
        }
        finally
        {
            _output = outer;
        }
    }

    /// <summary>Refuses a filter result that no render may produce (a string doubled in a chain of assigns).</summary>
    public void CheckLength(object? value)
    {
        if (value is string text && text.Length > _limits.MaxOutputLength)
        {
            throw new TemplateRenderException($"a filter produced more than {_limits.MaxOutputLength} characters");
        }
    }

    public void CountIteration()
    {
        if (++_iterations > _limits.MaxIterations)
        {
            throw new TemplateRenderException($"the template ran more than {_limits.MaxIterations} loop iterations");
        }
        CheckTime();
    }

    private void CheckTime()
    {
        if (Stopwatch.GetElapsedTime(_started) > _limits.MaxDuration)
        {
            throw new TemplateRenderException($"rendering took longer than {_limits.MaxDuration.TotalSeconds:0.###} s");
        }
    }
}
