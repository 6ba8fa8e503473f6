namespace WebhookConsole.Dispatching;

/// <summary>What an attempt does to its webhook's count of deliveries failed in a row.</summary>
internal enum FailureCountChange
{
    /// <summary>Nothing: the delivery goes on (a retry is due), or it is a test send.</summary>
    None,

    /// <summary>A real delivery succeeded: the count goes back to 0.</summary>
    Reset,

    /// <summary>A real delivery ended failed: the count grows by one.</summary>
    Increment,
}
