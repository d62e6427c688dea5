namespace ClaimScrubber;

/// <summary>The unit of measure of a drug quantity (837 CTP05-1), as NCPDP billing units define them.</summary>
public enum DrugUnit
{
    /// <summary>International unit (<c>F2</c>).</summary>
    InternationalUnit = 1,

    /// <summary>Gram (<c>GR</c>).</summary>
    Gram = 2,

    /// <summary>Milligram (<c>ME</c>).</summary>
    Milligram = 3,

    /// <summary>Milliliter (<c>ML</c>).</summary>
    Milliliter = 4,

    /// <summary>Unit, each (<c>UN</c>).</summary>
    Unit = 5,
}
