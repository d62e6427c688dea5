namespace ClaimScrubber.Serialization.X12;

/// <summary>
/// What an HL level (2000A billing provider, 2000B subscriber, 2000C patient) says about every claim under it, with
/// the errors of its segments, which every claim under it carries, and where its segments stood.
/// </summary>
/// <remarks>The parser reuses one context of each kind for every HL of its kind (<see cref="Reset"/>); claims copy what they need.</remarks>
internal class X12Context
{
    public string Id { get; private set; } = string.Empty;

    public List<ClaimElementError> Errors { get; } = [];

    public List<X12Mark> Marks { get; } = [];

    public void Mark(X12Role role, int position) => Marks.Add(new X12Mark(role, 0, 0, 0, position));

    /// <summary>Starts the context over for a new HL segment.</summary>
    public virtual void Reset(string id)
    {
        Id = id;
        Errors.Clear();
        Marks.Clear();
    }
}

/// <summary>Loop 2000A/2010AA.</summary>
internal sealed class X12BillingContext : X12Context
{
    public Npi? Npi { get; set; }

    public override void Reset(string id)
    {
        base.Reset(id);
        Npi = null;
    }
}

/// <summary>Loop 2000B/2010BA/2010BB: the destination payer's coverage, and the patient when the subscriber is the patient.</summary>
internal sealed class X12SubscriberContext : X12Context
{
    private Coverage? coverage;
    private Patient? patient;

    /// <summary>Gets the coverage's elements as read from SBR, NM1*IL and NM1*PR.</summary>
    public X12CoverageBuilder Payer { get; } = new();

    public DateOnly? BirthDate { get; set; }

    public Sex Sex { get; set; }

    /// <summary>Gets the errors of the subscriber's DMG, which count only when the subscriber is the patient.</summary>
    public List<ClaimElementError> DemographicsErrors { get; } = [];

    /// <summary>The coverage as claims without a patient loop see it, built once for all of them.</summary>
    public Coverage Coverage() => coverage ??= Payer.Build(Payer.Relationship);

    public Patient Patient() => patient ??= new Patient { BirthDate = BirthDate, Sex = Sex };

    public override void Reset(string id)
    {
        base.Reset(id);
        coverage = null;
        patient = null;
        Payer.Clear();
        BirthDate = null;
        Sex = Sex.Unknown;
        DemographicsErrors.Clear();
    }
}

/// <summary>Loop 2000C/2010CA: a patient who is not the subscriber.</summary>
internal sealed class X12PatientContext : X12Context
{
    private Coverage? coverage;
    private Patient? patient;

    public X12SubscriberContext Subscriber { get; set; } = new();

    public string? Relationship { get; set; }

    public DateOnly? BirthDate { get; set; }

    public Sex Sex { get; set; }

    public Coverage Coverage() => coverage ??= Subscriber.Payer.Build(Relationship);

    public Patient Patient() => patient ??= new Patient { BirthDate = BirthDate, Sex = Sex };

    public override void Reset(string id)
    {
        base.Reset(id);
        coverage = null;
        patient = null;
        Relationship = null;
        BirthDate = null;
        Sex = Sex.Unknown;
    }
}
