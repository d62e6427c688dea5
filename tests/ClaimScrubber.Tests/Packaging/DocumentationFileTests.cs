using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Packaging;

public class DocumentationFileTests
{
    [Fact]
    public void DocumentationFile_HoldsEveryPublicMemberDocumented_AndNoOther() =>
        PublicDocumentation.ShouldHoldPublicMembersOnly(typeof(Scrubber).Assembly)
            .Should().Contain(["T:ClaimScrubber.Scrubber", "M:ClaimScrubber.Scrubber.Scrub(ClaimScrubber.Claim)"]);
}
