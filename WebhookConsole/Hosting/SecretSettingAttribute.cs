namespace WebhookConsole.Hosting;

/// <summary>A setting whose value is never written in a message about it, only its length.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SecretSettingAttribute : Attribute;
