namespace ClaimScrubber.CodeSets.FeeSchedule;

/// <summary>
/// The global surgery period of a code (RVU file columns 104–106). Meanings are those of the CMS record layout
/// (RVU25D): the period decides which evaluation and management services are part of the surgical package.
/// </summary>
internal enum GlobalPeriod : byte
{
    /// <summary>No value was given.</summary>
    None = 0,

    /// <summary>000: endoscopic or minor procedure; pre- and postoperative work on the day of the procedure only.</summary>
    Days0 = 1,

    /// <summary>010: minor procedure with a 10-day postoperative period.</summary>
    Days10 = 2,

    /// <summary>090: major surgery with a 1-day preoperative and 90-day postoperative period.</summary>
    Days90 = 3,

    /// <summary>MMM: maternity code; the usual global period does not apply.</summary>
    Maternity = 4,

    /// <summary>XXX: the global concept does not apply.</summary>
    NotApplicable = 5,

    /// <summary>YYY: the contractor decides whether the global concept applies.</summary>
    ContractorDetermined = 6,

    /// <summary>ZZZ: related to another service and always in that service's global period (an add-on).</summary>
    AddOn = 7,
}

/// <summary>Codes classified once at load so that rules test a bit instead of formatting the code.</summary>
[Flags]
internal enum ProcedureClass : byte
{
    /// <summary>Nothing special.</summary>
    None = 0,

    /// <summary>
    /// An evaluation and management service: CPT 99202–99499 (the CPT E/M section; 99201 was deleted in 2021).
    /// The RVU file has no E/M flag and BETOS is not in it, so the CPT section range decides; HCPCS G-code visits
    /// (such as G0438/G0439 annual wellness visits) are not E/M for modifier 25/57 purposes.
    /// </summary>
    EvaluationAndManagement = 1,

    /// <summary>
    /// A clinical laboratory test, for modifier 91: CPT 80047–89398 (the Pathology and Laboratory section) and
    /// Proprietary Laboratory Analyses (four digits then <c>U</c>).
    /// </summary>
    LaboratoryTest = 2,
}

/// <summary>
/// The payment-policy indicators of one RVU row (a code, or a code with modifier 26, TC or 53). Values are the
/// file's own characters/digits so a rule reads the documented meaning directly; see RVU25D for each.
/// </summary>
/// <param name="Status">Status code (column 58): A, B, C, D, E, F, G, H, I, J, M, N, P, R, T or X (Attachment A).</param>
/// <param name="PcTc">PC/TC indicator 0–9 (column 103; Attachment A).</param>
/// <param name="Global">Global surgery period.</param>
/// <param name="MultipleProcedure">Multiple-procedure indicator 0–7 or 9 (modifier 51).</param>
/// <param name="Bilateral">Bilateral-surgery indicator 0–3 or 9 (modifier 50).</param>
/// <param name="Assistant">Assistant-at-surgery indicator 0–2 or 9 (modifiers 80/81/82/AS).</param>
/// <param name="CoSurgeons">Co-surgeon indicator 0–2 or 9 (modifier 62).</param>
/// <param name="Team">Team-surgery indicator 0–2 or 9 (modifier 66).</param>
/// <param name="NonFacilityNotPriced">The non-facility NA indicator: rarely or never performed in a non-facility setting.</param>
/// <param name="FacilityNotPriced">The facility NA indicator: rarely or never performed in a facility setting.</param>
/// <param name="NotUsedForMedicarePayment">The "not used for Medicare payment" flag (<c>+</c>).</param>
/// <param name="EndoscopicBase">The endoscopic base code of a multiple-procedure indicator 3 code, else default.</param>
/// <param name="Class">E/M or laboratory classification.</param>
internal readonly record struct FeeScheduleEntry(
    char Status,
    byte PcTc,
    GlobalPeriod Global,
    byte MultipleProcedure,
    byte Bilateral,
    byte Assistant,
    byte CoSurgeons,
    byte Team,
    bool NonFacilityNotPriced,
    bool FacilityNotPriced,
    bool NotUsedForMedicarePayment,
    ClaimScrubber.ProcedureCode EndoscopicBase,
    ProcedureClass Class)
{
    /// <summary>Gets a value indicating whether the code is an E/M service.</summary>
    public bool IsEvaluationAndManagement => (Class & ProcedureClass.EvaluationAndManagement) != 0;

    /// <summary>Gets a value indicating whether the code is a clinical laboratory test.</summary>
    public bool IsLaboratoryTest => (Class & ProcedureClass.LaboratoryTest) != 0;

    /// <summary>Gets a value indicating whether the code has a surgical global period (000, 010 or 090).</summary>
    public bool HasSurgicalGlobal => Global is GlobalPeriod.Days0 or GlobalPeriod.Days10 or GlobalPeriod.Days90;
}
