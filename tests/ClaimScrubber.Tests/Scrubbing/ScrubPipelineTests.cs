using System.Text;
using ClaimScrubber.Generation;
using ClaimScrubber.Rules;
using ClaimScrubber.Scrubbing;
using ClaimScrubber.Serialization;
using ClaimScrubber.Tests.Support;

namespace ClaimScrubber.Tests.Scrubbing;

public sealed class ScrubPipelineTests
{
    private static readonly ScrubberOptions Options = ScrubberOptions.Default with { AsOfDate = new DateOnly(2026, 10, 15) };

    private static readonly Lazy<CodeSetIndex> Sample = new(() => CodeSetIndex.LoadFolder(Path.Combine(CmsData.SampleFolder, "cms")));

    private static readonly Lazy<Scrubber> SampleScrubberOnce = new(() => Scrubber.Create(Sample.Value, Options));

    /// <summary>1,200 generated claims with unreadable ones among them, and their results scrubbed one by one.</summary>
    private static readonly Lazy<(byte[] Json, List<string> Expected)> Workload = new(() =>
    {
        var json = GeneratedNdjson(1_200);
        return (json, Sequential(SampleScrubberOnce.Value, Read(json)));
    });

    private static Scrubber SampleScrubber => SampleScrubberOnce.Value;

    /// <summary>Generated claims as JSON text with two unreadable claims in it, read by the library's reader.</summary>
    private static byte[] GeneratedNdjson(int count)
    {
        var text = new StringBuilder();
        var written = 0;
        foreach (var claim in new ClaimGenerator(Sample.Value, ClaimGeneratorOptions.Default with { Seed = 41, ErrorRate = 0.3 }).Generate(count))
        {
            text.Append(ClaimJsonWriter.Serialize(claim)).Append('\n');
            if (++written % 97 == 0)
            {
                text.Append("{\"claimId\": \"BAD\", \"diagnoses\": [\"E11.9!\"]}\n");
            }
        }

        text.Append("{\"claimId\": 7}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static IEnumerable<ClaimReadResult> Read(byte[] json) => ClaimJsonReader.Read(new MemoryStream(json), "claims.ndjson");

    private static List<string> Sequential(Scrubber scrubber, IEnumerable<ClaimReadResult> reads) =>
        [.. reads.Select(r => ScrubResultJsonWriter.Serialize(r.Scrub(scrubber)))];

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 128)]
    [InlineData(2, 3)]
    [InlineData(3, 64)]
    [InlineData(4, 1000)]
    public void Scrub_GivesEveryClaimsResult_InInputOrder_AsScrubbingOneByOneDoes(int threads, int batchSize)
    {
        var (json, expected) = Workload.Value;

        var pipeline = new ScrubPipeline(SampleScrubber, new ScrubPipelineOptions { MaxDegreeOfParallelism = threads, BatchSize = batchSize });
        var results = pipeline.Scrub(Read(json)).ToList();

        expected.Should().HaveCountGreaterThan(1_200);
        results.Select(r => ScrubResultJsonWriter.Serialize(r.Result)).Should().Equal(expected);
        results.Select(r => r.Read.Ordinal).Should().Equal(Enumerable.Range(1, expected.Count));
        results.Should().Contain(r => !r.Read.IsReadable).And.Contain(r => r.Result.IsClean);
    }

    [Fact]
    public void Scrub_AnEmptySource_GivesNoResult()
    {
        new ScrubPipeline(SampleScrubber).Scrub(Array.Empty<ClaimReadResult>()).Should().BeEmpty();
    }

    [Fact]
    public async Task ScrubAsync_GivesTheSameResults_AndScrubClaimsTheSameForClaims()
    {
        var scrubber = SampleScrubber;
        var (json, expected) = Workload.Value;
        var pipeline = new ScrubPipeline(scrubber, ScrubPipelineOptions.Default with { MaxDegreeOfParallelism = 2, BatchSize = 16 });

        var results = new List<string>();
        await foreach (var (_, result) in pipeline.ScrubAsync(Read(json)))
        {
            results.Add(ScrubResultJsonWriter.Serialize(result));
        }

        results.Should().Equal(expected);
        var claims = Read(json).Where(r => r.IsReadable).Select(r => r.Claim!).ToList();
        pipeline.ScrubClaims(claims).Select(ScrubResultJsonWriter.Serialize).Should().Equal(claims.Select(c => ScrubResultJsonWriter.Serialize(scrubber.Scrub(c))));
        var fromAsync = new List<string>();
        await foreach (var result in pipeline.ScrubClaimsAsync(claims))
        {
            fromAsync.Add(ScrubResultJsonWriter.Serialize(result));
        }

        fromAsync.Should().HaveCount(claims.Count);
    }

    [Fact]
    public void Scrub_SourceThatFails_GivesEveryResultBeforeTheFailure_ThenTheSourcesOwnException()
    {
        // A JSON array cut short: the reader yields the claims before the cut, then throws ClaimReadException.
        var claims = new ClaimGenerator(Sample.Value).Generate(300).Select(ClaimJsonWriter.Serialize);
        var json = Encoding.UTF8.GetBytes("[" + string.Join(",\n", claims) + ",\n{\"claimId\": \"CUT\", \"diag");
        var expected = new List<string>();
        var act = () =>
        {
            foreach (var read in ClaimJsonReader.Read(new MemoryStream(json), "cut.json"))
            {
                expected.Add(read.ClaimId);
            }
        };
        act.Should().Throw<ClaimReadException>();

        var seen = new List<string>();
        var pipeline = new ScrubPipeline(SampleScrubber, ScrubPipelineOptions.Default with { MaxDegreeOfParallelism = 3, BatchSize = 7 });
        var run = () =>
        {
            foreach (var (read, _) in pipeline.Scrub(ClaimJsonReader.Read(new MemoryStream(json), "cut.json")))
            {
                seen.Add(read.ClaimId);
            }
        };

        run.Should().Throw<ClaimReadException>().Which.Message.Should().StartWith("cut.json:");
        seen.Should().Equal(expected).And.HaveCount(300);
    }

    [Fact]
    public void Scrub_RuleThatThrows_GivesEveryResultBeforeTheClaim_ThenOneErrorNamingIt()
    {
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, Options with { AdditionalRules = [new ThrowingRule("C617")] });
        var claims = Enumerable.Range(1, 2_000).Select(i => Claim($"C{i}")).ToList();
        var seen = new List<string>();
        var pipeline = new ScrubPipeline(scrubber, ScrubPipelineOptions.Default with { MaxDegreeOfParallelism = 4, BatchSize = 10 });

        var run = () =>
        {
            foreach (var result in pipeline.ScrubClaims(claims))
            {
                seen.Add(result.ClaimId);
            }
        };

        var error = run.Should().Throw<ScrubPipelineException>().Which;
        error.Position.Should().Be(617);
        error.ClaimId.Should().Be("C617");
        error.InnerException.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("rule failure");
        error.Message.Should().Be("Scrubbing claim 'C617' (claim 617 of the stream) failed: InvalidOperationException: rule failure");
        seen.Should().Equal(Enumerable.Range(1, 616).Select(i => $"C{i}"));
    }

    [Fact]
    public void Scrub_NullInTheSource_IsOneErrorAfterTheClaimsBeforeIt()
    {
        var scrubber = Scrubber.Create(CodeSetIndex.Empty, Options);
        var claims = new[] { Claim("A"), Claim("B"), null!, Claim("D") };
        var seen = new List<string>();
        var run = () => seen.AddRange(new ScrubPipeline(scrubber, ScrubPipelineOptions.Default with { BatchSize = 2 }).ScrubClaims(claims).Select(r => r.ClaimId));

        run.Should().Throw<InvalidOperationException>().WithMessage("The source yielded a null claim.");
        seen.Should().Equal("A", "B");
    }

    [Fact]
    public void Scrub_SlowConsumer_HoldsTheReadingBack_ToTheBatchesInFlight()
    {
        const int BatchSize = 4;
        const int Threads = 2;
        var source = new CountingSource(Claim("X"), limit: 5_000);
        var pipeline = new ScrubPipeline(Scrubber.Create(CodeSetIndex.Empty, Options), new ScrubPipelineOptions { MaxDegreeOfParallelism = Threads, BatchSize = BatchSize });
        var consumed = 0;
        var furthestAhead = 0L;

        foreach (var _ in pipeline.ScrubClaims(source))
        {
            consumed++;
            if (consumed < 200)
            {
                // Much slower than reading: without backpressure the source would be read to its end meanwhile.
                Thread.Sleep(1);
            }

            furthestAhead = Math.Max(furthestAhead, source.Yielded - consumed);
        }

        consumed.Should().Be(5_000);

        // The channel's batches, the one the consumer holds and the one being filled.
        furthestAhead.Should().BeLessThanOrEqualTo(((2 * Threads) + 2 + 2) * BatchSize);
    }

    [Fact]
    public void Scrub_LeftEarly_StopsReadingAndDisposesTheSource_BeforeTheLoopEnds()
    {
        var source = new CountingSource(Claim("X"), limit: long.MaxValue);
        var pipeline = new ScrubPipeline(Scrubber.Create(CodeSetIndex.Empty, Options), ScrubPipelineOptions.Default with { MaxDegreeOfParallelism = 2, BatchSize = 8 });

        foreach (var _ in pipeline.ScrubClaims(source).Take(100))
        {
        }

        source.Disposed.Should().BeTrue("ending the enumeration waits for the reading thread, which disposes the source's enumerator");
        var read = source.Yielded;
        read.Should().BeLessThan(100 + (8 * 10));
        source.Yielded.Should().Be(read, "nothing reads on after the loop");
    }

    [Fact]
    public void Scrub_Cancelled_ThrowsOperationCanceled_AndStopsTheThreads()
    {
        using var cancellation = new CancellationTokenSource();
        var source = new CountingSource(Claim("X"), limit: long.MaxValue);
        var pipeline = new ScrubPipeline(Scrubber.Create(CodeSetIndex.Empty, Options), ScrubPipelineOptions.Default with { MaxDegreeOfParallelism = 2, BatchSize = 8 });
        var count = 0;

        var run = () =>
        {
            foreach (var _ in pipeline.ScrubClaims(source, cancellation.Token))
            {
                if (++count == 1_000)
                {
                    cancellation.Cancel();
                }
            }
        };

        run.Should().Throw<OperationCanceledException>().Which.CancellationToken.Should().Be(cancellation.Token);
        count.Should().BeLessThan(1_000 + 8);
        source.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task ScrubAsync_CancelledThroughWithCancellation_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        var source = new CountingSource(Claim("X"), limit: long.MaxValue);
        var pipeline = new ScrubPipeline(Scrubber.Create(CodeSetIndex.Empty, Options), ScrubPipelineOptions.Default with { BatchSize = 8 });
        var count = 0;

        var run = async () =>
        {
            await foreach (var _ in pipeline.ScrubClaimsAsync(source).WithCancellation(cancellation.Token))
            {
                if (++count == 500)
                {
                    await cancellation.CancelAsync();
                }
            }
        };

        await run.Should().ThrowAsync<OperationCanceledException>();
        source.Disposed.Should().BeTrue();
    }

    [Fact]
    public void Scrub_SourceThatWaitsForTheConsumer_StillGetsEachResult_WithBatchesOfOne()
    {
        // A stream that yields the next claim only once the previous result came out: a request-response source.
        using var answered = new SemaphoreSlim(0);
        IEnumerable<Claim> Conversation()
        {
            for (var i = 1; i <= 20; i++)
            {
                yield return Claim($"Q{i}");
                answered.Wait();
            }
        }

        var pipeline = new ScrubPipeline(Scrubber.Create(CodeSetIndex.Empty, Options), ScrubPipelineOptions.Default with { BatchSize = 1 });
        var seen = new List<string>();
        foreach (var result in pipeline.ScrubClaims(Conversation()))
        {
            seen.Add(result.ClaimId);
            answered.Release();
        }

        seen.Should().Equal(Enumerable.Range(1, 20).Select(i => $"Q{i}"));
    }

    [Fact]
    public void Options_NotValid_AreRefusedTogether_WhenThePipelineIsBuilt()
    {
        var act = () => new ScrubPipeline(SampleScrubber, new ScrubPipelineOptions { MaxDegreeOfParallelism = 0, BatchSize = 100_000 });

        act.Should().Throw<ArgumentException>().Which.Message.Should().Be(
            "The scrub pipeline options are not valid:" + Environment.NewLine +
            "- MaxDegreeOfParallelism is 0; it must be from 1 to 512." + Environment.NewLine +
            "- BatchSize is 100000; it must be from 1 to 65536. (Parameter 'options')");
    }

    [Fact]
    public void Scrub_EachEnumeration_ReadsTheSourceAgain()
    {
        var source = new CountingSource(Claim("X"), limit: 50);
        var results = new ScrubPipeline(Scrubber.Create(CodeSetIndex.Empty, Options)).ScrubClaims(source);

        source.Yielded.Should().Be(0, "nothing runs until the results are enumerated");
        results.Count().Should().Be(50);
        results.Count().Should().Be(50);
        source.Yielded.Should().Be(100);
    }

    private static Claim Claim(string id)
    {
        var claim = TestClaims.Professional();
        return new Claim
        {
            ClaimId = id, Setting = claim.Setting, Patient = claim.Patient, BillingNpi = claim.BillingNpi, RenderingNpi = claim.RenderingNpi,
            PlaceOfService = claim.PlaceOfService, FrequencyCode = claim.FrequencyCode, Diagnoses = claim.Diagnoses, Lines = claim.Lines,
        };
    }

    /// <summary>Yields one claim over and over, counting how many it gave and whether its enumerator was disposed.</summary>
    private sealed class CountingSource(Claim claim, long limit) : IEnumerable<Claim>
    {
        private long yielded;
        private volatile bool disposed;

        public long Yielded => Interlocked.Read(ref yielded);

        public bool Disposed => disposed;

        public IEnumerator<Claim> GetEnumerator()
        {
            disposed = false;
            try
            {
                for (long i = 0; i < limit; i++)
                {
                    Interlocked.Increment(ref yielded);
                    yield return claim;
                }
            }
            finally
            {
                disposed = true;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class ThrowingRule(string claimId) : IClaimRule
    {
        private static readonly RuleDescriptor Descriptor = new("PAY009", RuleFamily.Claim, "Payer: throws", Severity.Info, Disposition.Informational, "A check that fails on one claim, used in tests.");

        public IReadOnlyList<RuleDescriptor> Descriptors => [Descriptor];

        public void Evaluate(ScrubContext context)
        {
            if (context.Claim.ClaimId == claimId)
            {
                throw new InvalidOperationException("rule failure");
            }
        }
    }
}
