using ClaimScrubber.Scrubbing;
using R = ClaimScrubber.Rules.RuleCatalog.FeeSchedulePlaceOfService;

namespace ClaimScrubber.Rules.PlaceOfService;

/// <summary>POS012: for payers that take one place of service per claim, a line place of service must equal the claim's. Reads no table.</summary>
internal sealed class SinglePlaceOfServiceRule : IClaimRule
{
    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [R.LineDiffersFromClaim];

    public void Evaluate(ScrubContext context)
    {
        if (!context.Options.RequireSinglePlaceOfService)
        {
            return;
        }

        var claim = context.Claim;
        if (claim.PlaceOfService is not { } claimPlace)
        {
            return;
        }

        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].PlaceOfService is { } place && place != claimPlace && context.IsEnabled(R.LineDiffersFromClaim))
            {
                context.Report(R.LineDiffersFromClaim, i + 1, ElementPath.LineMember(i + 1, "placeOfService"),
                    $"The line's place of service {place} differs from the claim's {claimPlace}; this payer takes one place of service per claim.",
                    "Split the lines billed at another place of service onto their own claim, or correct the place of service.",
                    [place.ToString(), claimPlace.ToString()]);
            }
        }
    }
}
