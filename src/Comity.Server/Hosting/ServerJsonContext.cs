using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Comity.Server.Hosting;

/// <summary>System.Text.Json metadata generated at compile time for the types the server hands to the serializer
/// (problem details, the yente error object): no reflection on the request path. Everything else the server sends is
/// written directly with <see cref="System.Text.Json.Utf8JsonWriter"/> (<see cref="Yente.WireJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
