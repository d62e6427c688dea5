using System.Text.Json.Serialization;

namespace ClaimScrubber.Serialization;

/// <summary>Source-generated JSON for the folder manifest.</summary>
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class LoaderJsonContext : JsonSerializerContext
{
}
