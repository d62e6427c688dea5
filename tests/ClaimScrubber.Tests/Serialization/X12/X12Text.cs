using System.Globalization;

namespace ClaimScrubber.Tests.Serialization.X12;

/// <summary>Builds 837 test input: an interchange around transaction bodies, with counts and control numbers right unless a test breaks them.</summary>
internal static class X12Text
{
    public const string Professional = "005010X222A1";

    public const string Institutional = "005010X223A2";

    /// <summary>The segments before the claim in <see cref="ProfessionalClaim"/>: positions 2 (BHT) to 9 (NM1*PR); the CLM is at 10.</summary>
    public static readonly string[] ProfessionalPrefix =
    [
        "BHT*0019*00*1*20260312*1253*CH",
        "HL*1**20*1",
        "NM1*85*2*BILLING*****XX*1234567893",
        "HL*2*1*22*0",
        "SBR*P*18*******CI",
        "NM1*IL*1*DOE*JANE****MI*M100",
        "DMG*D8*19700101*F",
        "NM1*PR*2*PAYER*****PI*P100",
    ];

    /// <summary>A clean professional claim: CLM at 10, HI 11, LX 12, SV1 13, DTP 14.</summary>
    public static readonly string[] ProfessionalClaimSegments =
    [
        "CLM*C1*100***11:B:1*Y*A*Y*Y",
        "HI*ABK:J069",
        "LX*1",
        "SV1*HC:99213*100*UN*1***1",
        "DTP*472*D8*20260310",
    ];

    /// <summary>A clean inpatient claim: CLM at 10, DTP 11, CL1 12, HI 13, LX 14, SV2 15.</summary>
    public static readonly string[] InstitutionalClaimSegments =
    [
        "CLM*I1*500***11:A:1**A*Y*Y",
        "DTP*434*RD8*20260301-20260303",
        "CL1*1*1*01",
        "HI*ABK:J189:::::::Y",
        "LX*1",
        "SV2*0120**500*DA*2",
    ];

    /// <summary>One interchange, one group, one transaction of <paramref name="guide"/> holding <paramref name="body"/>.</summary>
    public static string Interchange(string guide, IEnumerable<string> body, string control = "000000001") =>
        Join([Isa(control), $"GS*HC*SENDER*RECEIVER*20260312*1253*1*X*{guide}", .. Transaction(guide, "0001", body), "GE*1*1", $"IEA*1*{control}"]);

    /// <summary>A professional transaction with the standard prefix and the given claim segments (default: one clean claim).</summary>
    public static string ProfessionalClaim(params string[] claim) =>
        Interchange(Professional, [.. ProfessionalPrefix, .. (claim.Length == 0 ? ProfessionalClaimSegments : claim)]);

    /// <summary>An institutional transaction with the standard prefix and the given claim segments (default: one clean inpatient claim).</summary>
    public static string InstitutionalClaim(params string[] claim) =>
        Interchange(Institutional, [.. ProfessionalPrefix.Select(s => s.Replace("SBR*P*18*******CI", "SBR*P*18*******MA", StringComparison.Ordinal)), .. (claim.Length == 0 ? InstitutionalClaimSegments : claim)]);

    /// <summary>The clean professional claim with segment <paramref name="index"/> (0 = CLM) replaced.</summary>
    public static string[] ClaimWith(int index, string segment)
    {
        var segments = ProfessionalClaimSegments.ToArray();
        segments[index] = segment;
        return segments;
    }

    public static string[] InstitutionalWith(int index, string segment)
    {
        var segments = InstitutionalClaimSegments.ToArray();
        segments[index] = segment;
        return segments;
    }

    public static IEnumerable<string> Transaction(string guide, string control, IEnumerable<string> body)
    {
        var segments = new List<string> { $"ST*837*{control}*{guide}" };
        segments.AddRange(body);
        segments.Add(string.Create(CultureInfo.InvariantCulture, $"SE*{segments.Count + 1}*{control}"));
        return segments;
    }

    public static string Isa(string control = "000000001", char element = '*', char repetition = '^', char component = ':') =>
        string.Join(element, "ISA", "00", new string(' ', 10), "00", new string(' ', 10), "ZZ", "SENDER".PadRight(15), "ZZ", "RECEIVER".PadRight(15), "260312", "1253", repetition.ToString(), "00501", control, "0", "T", component.ToString());

    public static string Join(IEnumerable<string> segments, string terminator = "~\n") => string.Concat(segments.Select(s => s + terminator));
}
