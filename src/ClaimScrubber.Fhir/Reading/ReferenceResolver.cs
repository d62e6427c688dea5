using Hl7.Fhir.Model;

namespace ClaimScrubber.Fhir.Reading;

/// <summary>
/// Finds the resource a reference points to, within the claim (contained, <c>#id</c>) or its Bundle (by the entry's
/// fullUrl, or by <c>Type/id</c>), and remembers which Bundle entries a claim used, so that their errors are the claim's.
/// </summary>
internal sealed class ReferenceResolver
{
    private readonly Dictionary<string, (Resource Resource, int Entry)> byReference = new(StringComparer.Ordinal);

    public ReferenceResolver(Bundle? bundle)
    {
        if (bundle is null)
        {
            return;
        }

        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            if (bundle.Entry[i].Resource is not { } resource)
            {
                continue;
            }

            if (bundle.Entry[i].FullUrl is { Length: > 0 } fullUrl)
            {
                byReference.TryAdd(fullUrl, (resource, i));
            }

            if (!string.IsNullOrEmpty(resource.Id))
            {
                byReference.TryAdd($"{resource.TypeName}/{resource.Id}", (resource, i));
            }
        }
    }

    /// <summary>Gets the Bundle entries resolved since the last <see cref="BeginClaim"/>.</summary>
    public HashSet<int> EntriesUsed { get; } = [];

    public void BeginClaim() => EntriesUsed.Clear();

    public Resource? Resolve(ResourceReference? reference, DomainResource from) => Resolve(reference, from, string.Empty).Resource;

    /// <summary>Resolves a reference made by <paramref name="from"/> (found at <paramref name="fromPath"/>), with the FHIRPath of the resource found.</summary>
    public (Resource? Resource, string? Path) Resolve(ResourceReference? reference, DomainResource from, string fromPath)
    {
        var target = reference?.Reference;
        if (string.IsNullOrEmpty(target))
        {
            return (null, null);
        }

        if (target.StartsWith('#'))
        {
            var index = from.Contained.FindIndex(r => r.Id == target[1..]);
            return index < 0 ? (null, null) : (from.Contained[index], $"{fromPath}.contained[{index}]");
        }

        if (byReference.TryGetValue(target, out var found) || TryRelative(target, out found))
        {
            EntriesUsed.Add(found.Entry);
            return (found.Resource, $"Bundle.entry[{found.Entry}].resource");
        }

        return (null, null);
    }

    // An absolute URL such as https://server/fhir/Patient/1 names the entry Patient/1 too.
    private bool TryRelative(string target, out (Resource Resource, int Entry) found)
    {
        var parts = target.TrimEnd('/').Split('/');
        found = default;
        return parts.Length >= 2 && byReference.TryGetValue($"{parts[^2]}/{parts[^1]}", out found);
    }
}
