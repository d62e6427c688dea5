namespace ClaimScrubber.Rules.Linkage;

/// <summary>
/// Enumerates, without allocating, the claim diagnoses a line points to: its pointers in order, skipping those that
/// point nowhere or repeat (LNK001, LNK003 report them); an institutional line without pointers is supported by
/// every diagnosis of the claim, which links them at claim level.
/// </summary>
internal ref struct PointedDiagnoses
{
    private readonly Claim claim;
    private readonly ReadOnlySpan<int> pointers;
    private readonly bool wholeClaim;
    private int position;

    public PointedDiagnoses(Claim claim, ServiceLine line)
    {
        this.claim = claim;
        pointers = line.DiagnosisPointers.AsSpan();
        wholeClaim = pointers.IsEmpty && claim.Setting != ClaimSetting.Professional;
        position = -1;
        Current = -1;
    }

    /// <summary>Gets the 0-based index into <see cref="Claim.Diagnoses"/> of the current diagnosis.</summary>
    public int Current { get; private set; }

    /// <summary>Gets the 1-based pointer position of the current diagnosis (the diagnosis number for claim-level links).</summary>
    public readonly int Position => position + 1;

    public readonly PointedDiagnoses GetEnumerator() => this;

    public bool MoveNext()
    {
        var count = claim.Diagnoses.Length;
        if (wholeClaim)
        {
            position++;
            Current = position;
            return position < count;
        }

        while (++position < pointers.Length)
        {
            var pointer = pointers[position];
            if (pointer >= 1 && pointer <= count && !pointers[..position].Contains(pointer))
            {
                Current = pointer - 1;
                return true;
            }
        }

        return false;
    }
}
