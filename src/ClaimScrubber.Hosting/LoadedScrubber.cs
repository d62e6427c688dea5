using System.Diagnostics;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Hosting.Diagnostics;
using ClaimScrubber.Serialization;

namespace ClaimScrubber.Hosting;

/// <summary>
/// One load of the code sets and the scrubber built over it: what <see cref="IScrubberProvider.Current"/> hands out.
/// Scrubbing through it reports metrics and traces (<see cref="ClaimScrubberTelemetry"/>).
/// </summary>
/// <remarks>
/// A reload builds a new <see cref="LoadedScrubber"/> and leaves this one untouched, so a caller that takes
/// <see cref="IScrubberProvider.Current"/> once and scrubs a whole batch through it scrubs every claim of the batch
/// against the same data, even while a new release is swapped in.
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class LoadedScrubber
{
    private readonly ScrubberInstruments instruments;

    internal LoadedScrubber(Scrubber scrubber, LoadReport report, string dataPath, DateTimeOffset loadedAt, long generation, ClaimScrubberOptions settings, ScrubberInstruments instruments)
    {
        Settings = settings;
        Scrubber = scrubber;
        Report = report;
        DataPath = dataPath;
        LoadedAt = loadedAt;
        Generation = generation;
        this.instruments = instruments;
    }

    /// <summary>Gets the scrubber. Scrubbing through it directly is as fast, but reports no metrics.</summary>
    public Scrubber Scrubber { get; }

    /// <summary>Gets the report of the load: the tables with their releases and row counts, and every problem met.</summary>
    public LoadReport Report { get; }

    /// <summary>Gets the full path of the folder or snapshot file the code sets were loaded from.</summary>
    public string DataPath { get; }

    /// <summary>Gets when the load finished, by the host's clock.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Gets the generation: 1 for the first load, one more for each reload.</summary>
    public long Generation { get; }

    /// <summary>Gets the host options the code sets were loaded with.</summary>
    internal ClaimScrubberOptions Settings { get; }

    /// <summary>Scrubs one claim, and records it in the metrics.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The findings; a clean claim's result allocates nothing.</returns>
    public ScrubResult Scrub(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var activity = ScrubberInstruments.Source.StartActivity(ClaimScrubberTelemetry.ScrubActivity);
        var start = instruments.MeasuresDuration ? Stopwatch.GetTimestamp() : 0;
        var result = Scrubber.Scrub(claim);
        instruments.Record(result, unreadable: false, start, activity);
        return result;
    }

    /// <summary>
    /// Scrubs a claim as read, or, when it could not be read, reports its element errors as <c>CLM001</c> findings
    /// (<see cref="ClaimReadResult.Scrub(ClaimScrubber.Scrubber)"/>), and records it in the metrics.
    /// </summary>
    /// <param name="read">The claim as a reader returned it.</param>
    /// <returns>The result for this input claim.</returns>
    public ScrubResult Scrub(ClaimReadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.IsReadable)
        {
            return Scrub(read.Claim);
        }

        var activity = ScrubberInstruments.Source.StartActivity(ClaimScrubberTelemetry.ScrubActivity);
        var start = instruments.MeasuresDuration ? Stopwatch.GetTimestamp() : 0;
        var result = Scrubber.ReportUnreadable(read.ClaimId, read.Errors);
        instruments.Record(result, unreadable: true, start, activity);
        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => $"generation {Generation}: {Report.Tables.Length} tables from {DataPath}";
}
