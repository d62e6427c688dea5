namespace ClaimScrubber.Tests.Support;

/// <summary>
/// Seeds for fuzz and property tests. In the suite a fuzz test runs a fixed number of cases from a fixed seed, so that
/// a failure replays and the run time is bounded. The soak mode runs each fuzz test for a given time with random seeds:
/// <c>CLAIMSCRUBBER_FUZZ_SECONDS=600 dotnet test --filter Category=Fuzz</c>; <c>CLAIMSCRUBBER_FUZZ_SEED=S</c> replays
/// one case. Fuzz tests carry <c>[Trait("Category", "Fuzz")]</c>.
/// </summary>
public static class Fuzz
{
    /// <summary>Gets the soak time per fuzz test, or <see langword="null"/> in the suite.</summary>
    public static TimeSpan? SoakTime { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("CLAIMSCRUBBER_FUZZ_SECONDS"), out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>Gets the one seed to replay, or <see langword="null"/>.</summary>
    public static int? ReplaySeed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("CLAIMSCRUBBER_FUZZ_SEED"), out var seed) ? seed : null;

    /// <summary>
    /// Runs <paramref name="body"/> once per case with a <see cref="Random"/> of the case's seed: <paramref name="cases"/>
    /// cases derived from <paramref name="suiteSeed"/> in the suite, random seeds until the soak time is up in soak mode,
    /// or only the replay seed. A failing case is rethrown naming its seed.
    /// </summary>
    /// <returns>How many cases ran.</returns>
    public static int Run(int suiteSeed, int cases, Action<Random> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var run = 0;
        foreach (var seed in Seeds(suiteSeed, cases))
        {
            try
            {
                body(new Random(seed));
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"Fuzz case with seed {seed} failed (replay with CLAIMSCRUBBER_FUZZ_SEED={seed}): {ex}");
            }

            run++;
        }

        return run;
    }

    /// <summary>Yields the seeds of the cases to run (see <see cref="Run"/>).</summary>
    public static IEnumerable<int> Seeds(int suiteSeed, int cases)
    {
        if (ReplaySeed is { } replay)
        {
            yield return replay;
            yield break;
        }

        if (SoakTime is { } soak)
        {
            var until = DateTime.UtcNow + soak;
            while (DateTime.UtcNow < until)
            {
                yield return Random.Shared.Next();
            }

            yield break;
        }

        var seeds = new Random(suiteSeed);
        for (var i = 0; i < cases; i++)
        {
            yield return seeds.Next();
        }
    }
}
