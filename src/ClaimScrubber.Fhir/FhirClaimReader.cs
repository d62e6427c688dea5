using System.Text.RegularExpressions;
using ClaimScrubber.Fhir.Reading;
using ClaimScrubber.Serialization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;

namespace ClaimScrubber.Fhir;

/// <summary>
/// Reads FHIR R4 <c>Claim</c> resources, alone or in a <c>Bundle</c>, into the claim model: one
/// <see cref="ClaimReadResult"/> per Claim, in Bundle order; a Claim with an element that cannot be read is unreadable,
/// with every such element named by its FHIRPath (<c>Bundle.entry[2].resource.item[0].modifier[1]</c>).
/// The mapping is documented in docs/fhir-mapping.md.
/// </summary>
/// <remarks>
/// Professional and institutional claims are read (<c>Claim.type</c>); an institutional claim's setting follows from
/// its type of bill. Elements the mapping does not read are ignored; elements it reads are never dropped silently.
/// Error messages name codes and paths, never dates or other patient data.
/// <para>This type is thread-safe.</para>
/// </remarks>
public static partial class FhirClaimReader
{
    /// <summary>Reads the claims of FHIR JSON text: a Claim, or a Bundle whose entries include Claims.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="inputName">The name to use in error messages, such as the file name, or <see langword="null"/>.</param>
    /// <returns>One result per Claim.</returns>
    /// <exception cref="ClaimReadException">The text is not JSON, not a FHIR resource, or neither a Claim nor a Bundle.</exception>
    public static IReadOnlyList<ClaimReadResult> ReadJson(string json, string? inputName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var deserializer = new FhirJsonDeserializer(new DeserializerSettings());
        Resource? resource;
        IEnumerable<CodedException> issues;
        try
        {
            deserializer.TryDeserializeResource(json, out resource, out issues);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or DeserializationFailedException)
        {
            throw new ClaimReadException(inputName, null, null, "The input is not FHIR JSON: " + Redact(ex.Message), ex);
        }

        if (resource is null)
        {
            var first = issues.FirstOrDefault();
            throw new ClaimReadException(inputName, (first as ExtendedCodedException)?.LineNumber is { } line ? (int)line : null, null,
                "The input is not a FHIR resource" + (first is null ? "." : ": " + Redact(first.Message)));
        }

        return Read(resource, issues.OfType<ExtendedCodedException>(), inputName);
    }

    /// <summary>Reads the claims of FHIR JSON from a stream, read to its end and not disposed.</summary>
    /// <param name="json">UTF-8 JSON: a Claim, or a Bundle whose entries include Claims.</param>
    /// <param name="inputName">The name to use in error messages, or <see langword="null"/>.</param>
    /// <returns>One result per Claim.</returns>
    /// <exception cref="ClaimReadException">The input is not JSON, not a FHIR resource, or neither a Claim nor a Bundle.</exception>
    public static IReadOnlyList<ClaimReadResult> Read(Stream json, string? inputName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new StreamReader(json, leaveOpen: true);
        return ReadJson(reader.ReadToEnd(), inputName);
    }

    /// <summary>Reads the claims of a resource already deserialized: a Claim, or a Bundle whose entries include Claims.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>One result per Claim.</returns>
    /// <exception cref="ClaimReadException">The resource is neither a Claim nor a Bundle.</exception>
    public static IReadOnlyList<ClaimReadResult> Read(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Read(resource, [], null);
    }

    private static List<ClaimReadResult> Read(Resource resource, IEnumerable<ExtendedCodedException> issues, string? inputName)
    {
        var results = new List<ClaimReadResult>();
        var errors = issues.Select(i => (Path: i.InstancePath ?? string.Empty, Error: i)).ToList();
        switch (resource)
        {
            case Hl7.Fhir.Model.Claim claim:
                results.Add(ClaimMapper.Map(claim, "Claim", 1, new ReferenceResolver(null), Errors(errors, "Claim"), _ => []));
                break;
            case Bundle bundle:
                var resolver = new ReferenceResolver(bundle);
                for (var i = 0; i < bundle.Entry.Count; i++)
                {
                    var root = $"Bundle.entry[{i}].resource";
                    switch (bundle.Entry[i].Resource)
                    {
                        case Hl7.Fhir.Model.Claim entryClaim:
                            results.Add(ClaimMapper.Map(entryClaim, root, results.Count + 1, resolver, Errors(errors, root), e => Errors(errors, $"Bundle.entry[{e}].resource")));
                            break;
                        case null when Errors(errors, $"Bundle.entry[{i}]").ToList() is { Count: > 0 } broken:
                            // An entry whose resource could not be made may have been a claim: never lose it silently.
                            results.Add(ClaimReadResult.Unreadable(null, broken, results.Count + 1));
                            break;
                    }
                }

                break;
            default:
                throw new ClaimReadException(inputName, null, null, $"A {resource.TypeName} is not a Claim or a Bundle of Claims.");
        }

        return results;
    }

    /// <summary>The deserializer's errors under <paramref name="root"/>, as element errors with their FHIRPath.</summary>
    private static IEnumerable<ClaimElementError> Errors(List<(string Path, ExtendedCodedException Error)> errors, string root) =>
        errors.Where(e => e.Path == root || e.Path.StartsWith(root + ".", StringComparison.Ordinal) || e.Path.StartsWith(root + "[", StringComparison.Ordinal))
            .Select(e => new ClaimElementError(FhirPath(e.Path), $"Not valid FHIR ({e.Error.ErrorCode}): {Redact(e.Error.BaseErrorMessage ?? e.Error.Message)}"));

    /// <summary>FHIRPath indexes an element's repetitions; the deserializer writes resource[0] for a single resource.</summary>
    private static string FhirPath(string instancePath) => instancePath.Replace(".resource[0]", ".resource", StringComparison.Ordinal);

    /// <summary>Leaves out quoted values: the deserializer quotes the text it could not read, which may be a date of birth.</summary>
    internal static string Redact(string message) => QuotedValue().Replace(message, "'…'");

    [GeneratedRegex("'[^']*'")]
    private static partial Regex QuotedValue();
}
