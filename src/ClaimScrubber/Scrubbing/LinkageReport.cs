using System.Collections.Immutable;

namespace ClaimScrubber.Scrubbing;

/// <summary>Whether a diagnosis supports the service a line bills, as far as the loaded coverage tables tell.</summary>
public enum LinkageSupport
{
    /// <summary>No loaded table decides (the service is under no coverage determination, or the determination is silent).</summary>
    Unknown = 0,

    /// <summary>A coverage determination covers the service for this diagnosis.</summary>
    Covered = 1,

    /// <summary>A coverage determination does not cover the service for this diagnosis.</summary>
    NotCovered = 2,
}

/// <summary>
/// For each line of a claim, the diagnoses it points to and whether each supports it. Built only on request by
/// <see cref="Scrubber.ExplainLinkage"/>, so scrubbing without it costs nothing.
/// </summary>
/// <param name="ClaimId">The claim's id.</param>
/// <param name="Lines">One entry per service line, in claim order.</param>
/// <remarks>This type is immutable and thread-safe; its shape is meant for JSON (source-generated) output.</remarks>
public sealed record LinkageReport(string ClaimId, ImmutableArray<LineLinkage> Lines);

/// <summary>The diagnoses one service line points to and whether they support it.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="ProcedureCode">The procedure code billed, or <see langword="null"/> when missing.</param>
/// <param name="Determination">The coverage determination that governs the line, such as <c>NCD 190.22 Thyroid Testing</c>, or <see langword="null"/>.</param>
/// <param name="Support">Whether the line as billed is supported: covered when any diagnosis covers it, not covered when the determination covers none, otherwise unknown.</param>
/// <param name="Diagnoses">The diagnoses the line points to, in pointer order.</param>
/// <param name="Source">The table release that decided, or <see langword="null"/> when none did.</param>
public sealed record LineLinkage(int Line, string? ProcedureCode, string? Determination, LinkageSupport Support, ImmutableArray<DiagnosisSupport> Diagnoses, TableRelease? Source);

/// <summary>One diagnosis a line points to and whether it supports the line.</summary>
/// <param name="Position">The 1-based pointer position on the line (the diagnosis number when the claim links diagnoses at claim level).</param>
/// <param name="Diagnosis">The 1-based position of the diagnosis on the claim.</param>
/// <param name="Code">The ICD-10-CM code, dotted.</param>
/// <param name="Support">Whether it supports the line.</param>
/// <param name="Reason">Why, such as <c>NCD 190.22 resolution 3: does not support medical necessity</c>, or <see langword="null"/>.</param>
public sealed record DiagnosisSupport(int Position, int Diagnosis, string Code, LinkageSupport Support, string? Reason);
