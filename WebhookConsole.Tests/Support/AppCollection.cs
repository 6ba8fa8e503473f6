namespace WebhookConsole.Tests.Support;

/// <summary>
/// Tests that host the app run one at a time: Hangfire keeps a static current storage, and the machine
/// has two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppCollection
{
    public const string Name = "App";
}
