using System.Globalization;
using System.Text;

namespace ClaimScrubber.Serialization.X12;

/// <summary>
/// Reads 837P and 837I transactions into claims, one claim at a time: the envelopes (ISA/GS/ST and their trailers,
/// whose control numbers and counts it checks), the HL hierarchy (billing provider 20, subscriber 22, patient 23), and
/// each CLM with the loops it encloses (2300, 2310A–F, 2320/2330A–B, 2400, 2410, 2420A–G). Every CLM yields exactly
/// one result; an element that cannot be read makes its claim unreadable, with an error naming the element path, the
/// loop, segment and element, and the segment's position in the transaction.
/// </summary>
internal sealed partial class X12ClaimParser
{
    private const int Isa = 'I' << 16 | 'S' << 8 | 'A';
    private const int Iea = 'I' << 16 | 'E' << 8 | 'A';
    private const int Gs = 'G' << 8 | 'S';
    private const int Ge = 'G' << 8 | 'E';
    private const int St = 'S' << 8 | 'T';
    private const int Se = 'S' << 8 | 'E';
    private const int Hl = 'H' << 8 | 'L';
    private const int Clm = 'C' << 16 | 'L' << 8 | 'M';
    private const int Lx = 'L' << 8 | 'X';
    private const int Sv1 = 'S' << 16 | 'V' << 8 | '1';
    private const int Sv2 = 'S' << 16 | 'V' << 8 | '2';
    private const int Svd = 'S' << 16 | 'V' << 8 | 'D';
    private const int Lin = 'L' << 16 | 'I' << 8 | 'N';
    private const int Ctp = 'C' << 16 | 'T' << 8 | 'P';
    private const int Dtp = 'D' << 16 | 'T' << 8 | 'P';
    private const int Ref = 'R' << 16 | 'E' << 8 | 'F';
    private const int Nm1 = 'N' << 16 | 'M' << 8 | '1';
    private const int N4 = 'N' << 8 | '4';
    private const int Hi = 'H' << 8 | 'I';
    private const int Cl1 = 'C' << 16 | 'L' << 8 | '1';
    private const int Sbr = 'S' << 16 | 'B' << 8 | 'R';
    private const int Amt = 'A' << 16 | 'M' << 8 | 'T';
    private const int Pat = 'P' << 16 | 'A' << 8 | 'T';
    private const int Dmg = 'D' << 16 | 'M' << 8 | 'G';
    private const int Ta1 = 'T' << 16 | 'A' << 8 | '1';

    private readonly X12SegmentReader reader;
    private readonly string? inputName;
    private readonly Action<X12EnvelopeError>? onEnvelopeError;
    private readonly List<X12EnvelopeError> envelopeErrors = [];
    private readonly X12ClaimBuilder claim = new();
    private readonly X12BillingContext billingContext = new();
    private readonly X12SubscriberContext subscriberContext = new();
    private readonly X12PatientContext patientContext = new();
    private readonly List<ClaimElementError> claimErrors = [];
    private readonly List<X12Mark> claimMarks = [];
    private string? lastPayerName;
    private string? lastPayerId;

    private bool inInterchange;
    private bool inGroup;
    private bool inTransaction;
    private string interchangeControl = string.Empty;
    private string groupControl = string.Empty;
    private string? groupGuide;
    private int groupCount;
    private int transactionCount;
    private string transactionControl = string.Empty;
    private int position;
    private X12TransactionInfo? transaction;
    private string? transactionProblem;
    private X12Form form;

    private X12BillingContext? billing;
    private X12SubscriberContext? subscriber;
    private X12PatientContext? patient;
    private X12Context? current;

    private bool inClaim;
    private bool skipClaim;
    private int claimOrdinalInTransaction;
    private int claimOrdinalInFile;
    private int claimPosition;
    private int claimLine;
    private ClaimLoop loop;
    private X12Role provider;
    private X12OtherCoverageBuilder? other;

    public X12ClaimParser(Stream stream, string? inputName, Action<X12EnvelopeError>? onEnvelopeError)
    {
        reader = new X12SegmentReader(stream, inputName);
        this.inputName = inputName;
        this.onEnvelopeError = onEnvelopeError;
    }

    private enum ClaimLoop
    {
        Claim,
        Provider,
        OtherSubscriber,
        Line,
        LineDrug,
        LineProvider,
        LineAdjudication,
    }

    private bool InLine => loop >= ClaimLoop.Line;

    private bool PatientLoop => patient is not null;

    public IEnumerable<ClaimReadResult> Read()
    {
        while (reader.Next())
        {
            if (OnSegment() is { } done)
            {
                yield return done;
            }
        }

        if (OnEnd() is { } last)
        {
            yield return last;
        }

        if (envelopeErrors.Count > 0)
        {
            var first = envelopeErrors[0];
            throw new ClaimReadException(inputName, first.SourceLine, null, string.Create(CultureInfo.InvariantCulture,
                $"the 837 envelopes are faulty ({envelopeErrors.Count} fault(s); every claim was read): {string.Join("; ", envelopeErrors.Take(10).Select(e => $"segment {e.SegmentNumber} ({e.Segment}): {e.Message}"))}"));
        }
    }

    private static int Tag(ReadOnlySpan<byte> id)
    {
        if (id.Length is < 2 or > 3 || (uint)(id[0] - 'A') > 'Z' - 'A')
        {
            return -1;
        }

        var tag = 0;
        foreach (var b in id)
        {
            if ((uint)(b - 'A') > 'Z' - 'A' && (uint)(b - '0') > 9)
            {
                return -1;
            }

            tag = (tag << 8) | b;
        }

        return tag;
    }

    private ClaimReadResult? OnSegment()
    {
        var tag = Tag(reader.Id);
        if (reader.Unterminated)
        {
            Envelope($"the input ends inside this segment: it has no terminator ({X12Delimiters.Show(reader.Delimiters.Segment)}).");
        }

        ClaimReadResult? done = null;
        switch (tag)
        {
            case Isa:
                done = EndClaim();
                OnInterchangeHeader();
                break;
            case Iea:
                done = EndClaim();
                OnInterchangeTrailer();
                break;
            case Gs:
                done = EndClaim();
                OnGroupHeader();
                break;
            case Ge:
                done = EndClaim();
                OnGroupTrailer();
                break;
            case St:
                done = EndClaim();
                OnTransactionHeader();
                break;
            case Se:
                position++;
                done = EndClaim();
                OnTransactionTrailer();
                break;
            default:
                if (!inTransaction)
                {
                    return OutsideTransaction(tag);
                }

                position++;
                if (reader.TooManyElements)
                {
                    StructureError(string.Create(CultureInfo.InvariantCulture, $"the segment has more than {X12SegmentReader.MaxElements} elements; no 837 segment has that many."));
                }

                if (tag == Hl)
                {
                    done = EndClaim();
                    OnHierarchy();
                }
                else if (tag == Clm)
                {
                    done = EndClaim();
                    StartClaim();
                }
                else if (tag < 0)
                {
                    StructureError($"'{X12Values.Echo(reader.Id)}' is not a segment id (2 or 3 capital letters or digits, the first a letter).");
                }
                else if (inClaim)
                {
                    OnClaimSegment(tag);
                }
                else
                {
                    OnContextSegment(tag);
                }

                break;
        }

        if (reader.Unterminated && inClaim)
        {
            ClaimError("claim", SegmentName(), "the input ends inside this segment; the claim is cut short.");
        }

        return done;
    }

    private ClaimReadResult? OnEnd()
    {
        if (inClaim)
        {
            ClaimError("claim", SegmentName(), "the input ends before the transaction set's SE trailer; the claim may be cut short.");
        }

        var done = EndClaim();
        if (inTransaction)
        {
            Envelope($"the input ends inside transaction set {transactionControl}: it has no SE trailer.");
        }

        if (inGroup)
        {
            Envelope($"the input ends inside functional group {groupControl}: it has no GE trailer.");
        }

        if (inInterchange)
        {
            Envelope($"the input ends inside interchange {interchangeControl}: it has no IEA trailer.");
        }

        return done;
    }

    private void Envelope(string message)
    {
        var error = new X12EnvelopeError(inputName, reader.Line, reader.SegmentNumber, Encoding.ASCII.GetString(reader.Id.Length <= 3 ? reader.Id : reader.Id[..3]), message);
        if (onEnvelopeError is null)
        {
            envelopeErrors.Add(error);
        }
        else
        {
            onEnvelopeError(error);
        }
    }

    private string? Text(int element) => X12Values.Text(reader.Element(element));

    private bool ElementIs(int element, ReadOnlySpan<byte> value) => reader.Element(element).SequenceEqual(value);

    // ---- Values and errors ----------------------------------------------------------------------------------

    private T? ReadCode<T>(ReadOnlySpan<byte> bytes, X12Values.SpanParser<T> tryParse, Func<string, string> problem, ElementRef path, int? line, int hiElement = 0)
        where T : struct
    {
        if (X12Values.TryCode(bytes, tryParse, out var value))
        {
            return value;
        }

        var text = X12Values.Echo(bytes);
        ClaimError(path, null, problem(text), line, text.Trim(), hiElement);
        return null;
    }

    /// <summary>An amount or quantity (X12 R); its value is never echoed.</summary>
    private decimal? ReadAmount(ReadOnlySpan<byte> bytes, ElementRef path, int? line, decimal max, int maxDecimals, int hiElement = 0)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }

        if (!X12Values.TryDecimal(bytes, out var value, out var scale, out var digits))
        {
            ClaimError(path, null, "the value is not a number (digits with an optional minus sign and decimal point).", line, hiElement: hiElement);
            return null;
        }

        // Below 10^7 with few decimals every limit holds; only a long number needs the comparison.
        if ((scale > maxDecimals || digits - scale >= 8) && !Rules.Claims.ClaimLimitRules.IsWithin(value, max, maxDecimals))
        {
            ClaimError(path, null, string.Create(CultureInfo.InvariantCulture, $"the value is out of range: at most {max:#,0.##########} with {maxDecimals} decimals."), line, hiElement: hiElement);
            return null;
        }

        return value;
    }

    private string ForeignSeparatorMessage(byte foreign) =>
        $"the composite seems to separate its components with {X12Delimiters.Show(foreign)}, but the interchange's component separator (ISA-16) is {X12Delimiters.Show(reader.Delimiters.Component)}.";

    /// <summary>
    /// Records an error of the current claim at an element path: located at <paramref name="where"/> when given (a
    /// segment or element without a claim path of its own), else through <see cref="X12Map"/> from the path.
    /// </summary>
    private void ClaimError(ElementRef path, string? where, string message, int? line = null, string? code = null, int hiElement = 0, bool? patientLoop = null)
    {
        if (where is null)
        {
            Error(claim.Errors, path, line, message, code, hiElement, patientLoop ?? PatientLoop);
            return;
        }

        claim.Errors.Add(new ClaimElementError(path.ToString(), Located(where, message), line, reader.Line, code));
    }

    private string SegmentName() => Encoding.ASCII.GetString(reader.Id.Length <= 3 ? reader.Id : reader.Id[..3]);

    private void StructureError(string message)
    {
        if (inClaim)
        {
            claim.Errors.Add(new ClaimElementError("claim", Located(SegmentName(), message), claim.LineCount == 0 ? null : claim.LineCount, reader.Line));
        }
        else if (current is not null)
        {
            current.Errors.Add(new ClaimElementError("claim", Located(SegmentName(), message), null, reader.Line));
        }
        else
        {
            Envelope(message);
        }
    }

    private void Error(List<ClaimElementError> sink, ElementRef path, int? line, string message, string? code = null, int hiElement = 0, bool patientLoop = false)
    {
        var text = path.ToString();
        var where = X12Map.Resolve(text, form, patientLoop) is { } target ? X12Map.Describe(target, form, hiElement) : SegmentName();
        sink.Add(new ClaimElementError(text, Located(where, message), line, reader.Line, code));
    }

    private string Located(string where, string message) => string.Create(CultureInfo.InvariantCulture, $"{where} (segment {position}): {message}");
}
