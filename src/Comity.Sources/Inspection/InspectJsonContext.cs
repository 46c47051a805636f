using System.Text.Json.Serialization;

namespace Comity.Sources.Inspection;

/// <summary>Source-generated JSON for <see cref="InspectReport"/> (trimming- and AOT-safe), snake_case names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(InspectReport))]
internal sealed partial class InspectJsonContext : JsonSerializerContext;
