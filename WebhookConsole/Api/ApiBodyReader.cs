using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace WebhookConsole.Api;

/// <summary>
/// Reads a <c>{"data": {...}}</c> request body strictly: a size limit, well-formed JSON whose every string can be
/// read (no half of a surrogate pair), an object envelope with nothing but <c>data</c>. Endpoints then validate the
/// fields of <c>data</c>.
/// </summary>
internal sealed class ApiBodyReader(IOptions<ApiOptions> options)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };
    private static readonly byte[] Utf8ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>The <c>data</c> object, or an error answer ready to return.</summary>
    public async Task<ApiBody> ReadAsync(HttpContext http, bool required = true)
    {
        var limit = options.Value.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            return ApiBody.Fail(TooLarge(http, limit));
        }

        using var buffer = new MemoryStream();
        // Rented: every API request reads its body through here, most of them a few hundred bytes.
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return ApiBody.Fail(TooLarge(http, limit));
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        // A byte order mark is no part of JSON text, but some editors and clients write one; RFC 8259 lets readers skip it.
        var json = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (json.StartsWith(Utf8ByteOrderMark))
        {
            json = json[Utf8ByteOrderMark.Length..];
        }
        if (IsWhiteSpace(json))
        {
            return required
                ? ApiBody.Fail(ApiResults.Error(http, StatusCodes.Status400BadRequest, "the request needs a JSON body {\"data\": {...}}",
                    new FieldErrors().Add("data", "required", "the request body must be a JSON object with a data object")))
                : ApiBody.Ok(null);
        }

        if (JsonMediaType.Refusal(http.Request.ContentType) is { } refusal)
        {
            return ApiBody.Fail(ApiResults.Error(http, StatusCodes.Status415UnsupportedMediaType, refusal));
        }
        // Checked before parsing: the parser takes bytes that are not UTF-8 inside a string, which then fails where it is read.
        if (InvalidUtf8Offset(json) is { } invalid)
        {
            var (line, column) = LoneSurrogates.Position(json, invalid);
            return ApiBody.Fail(ApiResults.Error(http, StatusCodes.Status400BadRequest,
                $"the request body is not UTF-8 text: line {line}, column {column} holds a byte that UTF-8 does not allow there"));
        }
        if (LoneSurrogates.Find(json) is var (surrogateLine, surrogateColumn))
        {
            return ApiBody.Fail(ApiResults.Error(http, StatusCodes.Status400BadRequest,
                $"the JSON text at line {surrogateLine}, column {surrogateColumn} {LoneSurrogates.Reason}"));
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, nodeOptions: null, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // The parser names no position for a repeated property, and says nothing clear about depth.
            var message = JsonFault.Find(json, DocumentOptions.MaxDepth) is var (faultLine, faultColumn, what)
                ? $"malformed JSON at line {faultLine}, column {faultColumn}: {what}"
                : ex.LineNumber is { } line ? $"malformed JSON at line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : "malformed JSON";
            return ApiBody.Fail(ApiResults.Error(http, StatusCodes.Status400BadRequest, message));
        }

        if (root is not JsonObject envelope)
        {
            return ApiBody.Fail(ApiResults.Invalid(http, new FieldErrors().Add("data", "type", "the request body must be a JSON object with a data object")));
        }

        var errors = new FieldErrors();
        foreach (var (name, _) in envelope)
        {
            if (name != "data")
            {
                errors.Add(name, "unknown_field", $"'{name}' is not allowed next to data");
            }
        }
        if (!envelope.TryGetPropertyValue("data", out var data) || data is null)
        {
            errors.Add("data", "required", "the request body must carry a data object");
        }
        else if (data is not JsonObject)
        {
            errors.Add("data", "type", "data must be a JSON object");
        }
        if (errors.Any)
        {
            return ApiBody.Fail(ApiResults.Invalid(http, errors));
        }
        return ApiBody.Ok((JsonObject)data!);
    }

    /// <summary>
    /// For a route that takes no fields: no body, or <c>{"data": {}}</c>, answers null; any other body the error to answer
    /// with, as on every route (a field in <c>data</c> is unknown here).
    /// </summary>
    public async Task<IResult?> ReadNoFieldsAsync(HttpContext http)
    {
        var body = await ReadAsync(http, required: false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        if (body.Data is not { Count: > 0 } data)
        {
            return null;
        }
        var errors = new FieldErrors();
        foreach (var (name, _) in data)
        {
            errors.Add(name, "unknown_field", $"'{PrintableText.Of(name)}' is not allowed: this request takes no fields");
        }
        return ApiResults.Invalid(http, errors);
    }

    private static IResult TooLarge(HttpContext http, long limit) =>
        ApiResults.Error(http, StatusCodes.Status413PayloadTooLarge, $"the request body is larger than {limit} bytes");

    /// <summary>Where the first byte that is not part of a well-formed UTF-8 sequence is, or null when there is none.</summary>
    private static int? InvalidUtf8Offset(ReadOnlySpan<byte> text)
    {
        if (Utf8.IsValid(text))
        {
            return null;
        }
        var offset = 0;
        while (Rune.DecodeFromUtf8(text[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }
        return offset;
    }

    private static bool IsWhiteSpace(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }
        return true;
    }
}
