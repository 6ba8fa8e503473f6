using Microsoft.Extensions.Logging;

namespace WebhookConsole.Tests.Support;

/// <summary>One entry a <see cref="RecordingLoggerProvider"/>'s logger was given.</summary>
public sealed record RecordedLog(LogLevel Level, string Message, Exception? Exception);
