using ClaimScrubber.Serialization;

namespace ClaimScrubber.Tests.Support;

/// <summary>
/// The repository's sample claims (<c>data/claims/</c>), read with the library's own <see cref="ClaimJsonReader"/>,
/// so that tests see every field of the JSON contract exactly as the CLI does.
/// </summary>
public static class SampleClaims
{
    /// <summary>Reads every claim of a sample file, failing when any of them is unreadable.</summary>
    /// <param name="fileName">A file of <c>data/claims/</c>, such as <c>ncci-claims.json</c>. Not <c>sample-claims.json</c>:
    /// it deliberately holds an unreadable claim, which the reader tests cover.</param>
    /// <returns>The claims, in file order.</returns>
    public static IReadOnlyList<Claim> Read(string fileName)
    {
        var results = ClaimJsonReader.ReadFile(Path.Combine(CmsData.SampleFolder, "claims", fileName)).ToList();
        var unreadable = results.Where(r => !r.IsReadable).Select(r => $"{r.ClaimId}: {string.Join("; ", r.Errors)}").ToList();
        if (unreadable.Count > 0)
        {
            throw new InvalidOperationException($"{fileName} has unreadable sample claims:{Environment.NewLine}{string.Join(Environment.NewLine, unreadable)}");
        }

        return [.. results.Select(r => r.Claim!)];
    }
}
