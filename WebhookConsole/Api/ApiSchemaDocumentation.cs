using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WebhookConsole.Api;

/// <summary>
/// What the schema generator cannot see in the wire types: the envelopes' constant <c>status</c>, a <c>data</c> that is
/// never null, and fields left out when they are null (<c>secret</c>, <c>next_start_key</c>), which are then not required.
/// </summary>
internal static class ApiSchemaDocumentation
{
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic
            && (generic == typeof(ApiEnvelope<>) || generic == typeof(ApiPageEnvelope<>)))
        {
            Constant(schema, "status", "success");
            NotNull(schema, "data");
        }
        else if (type == typeof(ApiErrorResponse))
        {
            Constant(schema, "status", "error");
        }
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: false)
                .OfType<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.WhenWritingNull) == true)
            {
                schema.Required?.Remove(property.Name);
            }
        }
        return Task.CompletedTask;
    }

    private static void Constant(OpenApiSchema schema, string name, string value)
    {
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties[name] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(value)] };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add(name);
    }

    /// <summary>
    /// A generic <c>T</c> property is described as "null or T" (the generator marks it nullable, and writes the
    /// reference to T as a oneOf with null); the envelopes always carry one.
    /// </summary>
    private static void NotNull(OpenApiSchema schema, string name)
    {
        if (schema.Properties?.TryGetValue(name, out var property) != true || property is not OpenApiSchema described)
        {
            return;
        }
        described.Metadata?.Remove(NullablePropertyMarker);
        if (described.Type is { } kind)
        {
            described.Type = kind & ~JsonSchemaType.Null;
        }
    }

    // The generator's own mark of a nullable property, read when it writes a reference; Microsoft.AspNetCore.OpenApi's
    // OpenApiConstants.SchemaId sits beside it.
    private const string NullablePropertyMarker = "x-is-nullable-property";
}
