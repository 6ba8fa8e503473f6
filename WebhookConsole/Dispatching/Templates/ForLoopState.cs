namespace WebhookConsole.Dispatching.Templates;

/// <summary>The forloop variable of a running for loop.</summary>
internal sealed class ForLoopState(int length)
{
    public static readonly string[] Properties = ["index", "index0", "rindex", "rindex0", "first", "last", "length"];

    public int Index0 { get; set; }

    public object? Get(string name) => name switch
    {
        "index" => (decimal)(Index0 + 1),
        "index0" => (decimal)Index0,
        "rindex" => (decimal)(length - Index0),
        "rindex0" => (decimal)(length - Index0 - 1),
        "first" => Index0 == 0,
        "last" => Index0 == length - 1,
        "length" => (decimal)length,
        _ => null,
    };
}
