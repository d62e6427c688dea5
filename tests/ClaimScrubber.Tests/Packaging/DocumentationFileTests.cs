using ClaimScrubber.Scrubbing;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Packaging;

public class DocumentationFileTests
{
    [Fact]
    public void DocumentationFile_HoldsEveryPublicMemberDocumented_AndNoOther() =>
        PublicDocumentation.ShouldHoldPublicMembersOnly(typeof(Scrubber).Assembly)
            .Should().Contain(["T:ClaimScrubber.Scrubbing.Scrubber", "M:ClaimScrubber.Scrubbing.Scrubber.Scrub(ClaimScrubber.Claims.Claim)"]);
}
