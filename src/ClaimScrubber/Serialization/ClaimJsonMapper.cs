using System.Collections.Immutable;
using System.Text.Json;
using ClaimScrubber.Claims;
using ClaimScrubber.Codes;
using ClaimScrubber.Scrubbing;

namespace ClaimScrubber.Serialization;

/// <summary>
/// Maps one parsed JSON claim to a <see cref="Claim"/>, element by element, so that every malformed element is
/// reported with its path instead of the first one aborting the claim. Members the contract does not know are ignored.
/// </summary>
internal static class ClaimJsonMapper
{
    public static ClaimReadResult Map(JsonElement root, int ordinal, int? sourceLine)
    {
        var e = new ClaimElements(sourceLine);
        if (root.ValueKind != JsonValueKind.Object)
        {
            e.Error(ElementPath.Claim, null, $"A claim is a JSON object, not {KindName(root.ValueKind)}.");
            return e.Unreadable(ordinal, sourceLine, null);
        }

        var before = e.Count;
        var claimId = Text(root, "claimId", "claimId", null, e);
        var idUnreadable = e.Count > before;
        var setting = e.Setting(Text(root, "setting", "setting", null, e), "setting");
        DateOnly? birthDate = null;
        var sex = Sex.Unknown;
        if (Member(root, "patient", "patient", null, JsonValueKind.Object, e) is { } patient)
        {
            birthDate = e.Date(Text(patient, "birthDate", "patient.birthDate", null, e), "patient.birthDate", null);
            sex = e.SexOf(Text(patient, "sex", "patient.sex", null, e), "patient.sex");
        }

        var billing = e.NpiOf(Text(root, "billingNpi", "billingNpi", null, e), "billingNpi", null);
        var rendering = e.NpiOf(Text(root, "renderingNpi", "renderingNpi", null, e), "renderingNpi", null);
        var pos = e.PlaceOfService(Text(root, "placeOfService", "placeOfService", null, e), "placeOfService", null);
        var frequency = Text(root, "frequencyCode", "frequencyCode", null, e);
        var discharge = e.Date(Text(root, "dischargeDate", "dischargeDate", null, e), "dischargeDate", null);

        var diagnoses = ImmutableArray.CreateBuilder<IcdCode>();
        if (Member(root, "diagnoses", "diagnoses", null, JsonValueKind.Array, e) is { } dxArray)
        {
            var i = 0;
            foreach (var item in dxArray.EnumerateArray())
            {
                var path = ElementPath.Diagnosis(++i);
                if (ItemText(item, path, null, e, out var text) && e.Diagnosis(text, path) is { } code)
                {
                    diagnoses.Add(code);
                }
            }
        }

        var lines = ImmutableArray.CreateBuilder<ServiceLine>();
        if (Member(root, "lines", "lines", null, JsonValueKind.Array, e) is { } lineArray)
        {
            var n = 0;
            foreach (var item in lineArray.EnumerateArray())
            {
                if (MapLine(item, ++n, e) is { } line)
                {
                    lines.Add(line);
                }
            }
        }

        return e.Result(ordinal, sourceLine, claimId, idUnreadable, () => new Claim
        {
            ClaimId = claimId?.Trim() ?? string.Empty,
            Setting = setting,
            Patient = new Patient { BirthDate = birthDate, Sex = sex },
            BillingNpi = billing,
            RenderingNpi = rendering,
            PlaceOfService = pos,
            FrequencyCode = string.IsNullOrWhiteSpace(frequency) ? null : frequency.Trim(),
            DischargeDate = discharge,
            Diagnoses = diagnoses.ToImmutable(),
            Lines = lines.ToImmutable(),
        });
    }

    private static ServiceLine? MapLine(JsonElement item, int n, ClaimElements e)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            e.Error(ElementPath.Line(n), n, $"A service line is a JSON object, not {KindName(item.ValueKind)}.");
            return null;
        }

        var procedure = e.Procedure(Text(item, "procedureCode", ElementPath.LineMember(n, "procedureCode"), n, e), ElementPath.LineMember(n, "procedureCode"), n);
        var modifiers = ImmutableArray.CreateBuilder<ModifierCode>();
        if (Member(item, "modifiers", ElementPath.LineMember(n, "modifiers"), n, JsonValueKind.Array, e) is { } modArray
            && e.WithinLimit(modArray.GetArrayLength(), "modifiers", m => ElementPath.LineModifier(n, m), n))
        {
            var m = 0;
            foreach (var mod in modArray.EnumerateArray())
            {
                var path = ElementPath.LineModifier(n, ++m);
                if (ItemText(mod, path, n, e, out var text) && e.Modifier(text, path, n) is { } code)
                {
                    modifiers.Add(code);
                }
            }
        }

        var units = Number(item, "units", ElementPath.LineMember(n, "units"), n, e) ?? 1m;
        var charge = Number(item, "charge", ElementPath.LineMember(n, "charge"), n, e) ?? 0m;
        var from = e.Date(Text(item, "serviceDate", ElementPath.LineMember(n, "serviceDate"), n, e), ElementPath.LineMember(n, "serviceDate"), n);
        var to = e.Date(Text(item, "serviceDateTo", ElementPath.LineMember(n, "serviceDateTo"), n, e), ElementPath.LineMember(n, "serviceDateTo"), n);
        var pos = e.PlaceOfService(Text(item, "placeOfService", ElementPath.LineMember(n, "placeOfService"), n, e), ElementPath.LineMember(n, "placeOfService"), n);
        var rendering = e.NpiOf(Text(item, "renderingNpi", ElementPath.LineMember(n, "renderingNpi"), n, e), ElementPath.LineMember(n, "renderingNpi"), n);
        var revenue = Text(item, "revenueCode", ElementPath.LineMember(n, "revenueCode"), n, e);

        var pointers = ImmutableArray.CreateBuilder<int>();
        if (Member(item, "diagnosisPointers", ElementPath.LineMember(n, "diagnosisPointers"), n, JsonValueKind.Array, e) is { } ptrArray
            && e.WithinLimit(ptrArray.GetArrayLength(), "diagnosis pointers", p => ElementPath.LinePointer(n, p), n))
        {
            var p = 0;
            foreach (var ptr in ptrArray.EnumerateArray())
            {
                var path = ElementPath.LinePointer(n, ++p);
                if (ptr.ValueKind == JsonValueKind.Number && ptr.TryGetInt32(out var value))
                {
                    pointers.Add(value);
                }
                else
                {
                    e.Error(path, n, ptr.ValueKind == JsonValueKind.Number ? "The diagnosis pointer is not a whole number." : $"A diagnosis pointer is a number, not {KindName(ptr.ValueKind)}.");
                }
            }
        }

        return new ServiceLine
        {
            ProcedureCode = procedure,
            Modifiers = modifiers.ToImmutable(),
            Units = units,
            Charge = charge,
            ServiceDate = from,
            ServiceDateTo = to,
            PlaceOfService = pos,
            DiagnosisPointers = pointers.ToImmutable(),
            RenderingNpi = rendering,
            RevenueCode = string.IsNullOrWhiteSpace(revenue) ? null : revenue.Trim(),
        };
    }

    /// <summary>Gets a member of the expected kind; absent and <c>null</c> members are missing, other kinds are errors.</summary>
    private static JsonElement? Member(JsonElement obj, string name, string path, int? line, JsonValueKind kind, ClaimElements e)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != kind)
        {
            e.Error(path, line, $"Expected {KindName(kind)}, found {KindName(value.ValueKind)}.");
            return null;
        }

        return value;
    }

    private static string? Text(JsonElement obj, string name, string path, int? line, ClaimElements e) =>
        Member(obj, name, path, line, JsonValueKind.String, e)?.GetString();

    private static bool ItemText(JsonElement item, string path, int? line, ClaimElements e, out string? text)
    {
        text = null;
        if (item.ValueKind == JsonValueKind.String)
        {
            text = item.GetString();
            return true;
        }

        e.Error(path, line, $"Expected a string, found {KindName(item.ValueKind)}.");
        return false;
    }

    private static decimal? Number(JsonElement obj, string name, string path, int line, ClaimElements e)
    {
        if (Member(obj, name, path, line, JsonValueKind.Number, e) is not { } value)
        {
            return null;
        }

        if (value.TryGetDecimal(out var number))
        {
            return number;
        }

        e.Error(path, line, "The number is out of range.");
        return null;
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
