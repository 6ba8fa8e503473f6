using System.ComponentModel.DataAnnotations;

namespace WebhookConsole.Features.Environments;

/// <summary>
/// The <c>data</c> of an environment create, replace or edit, for the OpenAPI document; <see cref="EnvironmentInputParser"/>
/// reads the request itself. <c>name</c> is required to create; <c>webhooks</c> is the whole set of webhook ids the
/// environment subscribes to.
/// </summary>
internal sealed class EnvironmentRequest
{
    [MaxLength(200)]
    public string? Name { get; init; }

    public IReadOnlyList<Guid>? Webhooks { get; init; }
}
