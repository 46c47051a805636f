using System.Text.Json;

namespace Comity.Server.Yente;

/// <summary>One request-validation error in yente's (FastAPI/pydantic) 422 shape.</summary>
internal sealed record ValidationError(string Type, IReadOnlyList<object> Loc, string Msg, object? Input);

/// <summary>A yente-shaped error, thrown by parsing code and turned into a response by the endpoint.</summary>
internal sealed class YenteException : Exception
{
    public YenteException(int status, string detail)
        : base(detail)
    {
        Status = status;
    }

    public YenteException(IReadOnlyList<ValidationError> errors)
        : base("request validation failed")
    {
        Status = StatusCodes.Status422UnprocessableEntity;
        Errors = errors;
    }

    public YenteException()
    {
    }

    public YenteException(string message)
        : base(message)
    {
    }

    public YenteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Status { get; } = StatusCodes.Status400BadRequest;

    public IReadOnlyList<ValidationError>? Errors { get; }

    public static YenteException Invalid(string type, string msg, object? input, params object[] loc) =>
        new([new ValidationError(type, loc, msg, input)]);

    /// <summary>The response: <c>{"detail": "..."}</c>, or <c>{"detail": [{type, loc, msg, input}]}</c> for 422.</summary>
    public IResult ToResult() => new JsonBytesResult(Body(), Status, "application/json");

    private byte[] Body()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            if (Errors is null)
            {
                w.WriteString("detail", Message);
            }
            else
            {
                w.WriteStartArray("detail");
                foreach (var e in Errors)
                {
                    w.WriteStartObject();
                    w.WriteString("type", e.Type);
                    w.WriteStartArray("loc");
                    foreach (var l in e.Loc)
                    {
                        if (l is int i)
                        {
                            w.WriteNumberValue(i);
                        }
                        else
                        {
                            w.WriteStringValue(l.ToString());
                        }
                    }

                    w.WriteEndArray();
                    w.WriteString("msg", e.Msg);
                    w.WritePropertyName("input");
                    switch (e.Input)
                    {
                        case null:
                            w.WriteNullValue();
                            break;
                        case JsonElement je:
                            je.WriteTo(w);
                            break;
                        default:
                            w.WriteStringValue(e.Input.ToString());
                            break;
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return ms.ToArray();
    }

    public static IResult Detail(int status, string detail) => new YenteException(status, detail).ToResult();
}
