using System.Text;
using System.Text.RegularExpressions;
using ClaimScrubber.CodeSets.Loading;

namespace ClaimScrubber.CodeSets.PlaceOfService;

/// <summary>
/// Reads CMS's place-of-service code list, <c>place_of_service_codes.csv</c>: code, fee-schedule facility type
/// (<c>Facility</c>, <c>Non-Facility</c> or <c>Unassigned</c>), name and description, in UTF-8.
/// </summary>
internal sealed partial class PlaceOfServiceReader : ICmsFileReader
{
    public const string TableName = "CMS place of service codes";

    private static readonly string[] Required = ["pos_code", "pfs_facility_type", "pos_name", "pos_description"];

    public string Id => "place-of-service";

    public bool Recognizes(string fileName) => FileNamePattern().IsMatch(fileName);

    public void Read(CmsFile file)
    {
        TabularColumns columns = null!;
        var entries = new PlaceOfServiceInfo?[100];
        var lines = new int[100];
        var count = 0;
        foreach (var row in TabularColumns.DataRows(file, TabularReader.ReadRows(file, Encoding.UTF8), Required, c => columns = c))
        {
            var text = row[columns["pos_code"]];
            var type = row[columns["pfs_facility_type"]];
            if (text.Length != 2 || !PlaceOfServiceCode.TryParse(text, out var code))
            {
                file.Error(row.Line, $"'{text}' is not a place-of-service code (two digits from 01 to 99); the row was refused.");
                continue;
            }

            bool assigned, facility;
            switch (Normalize(type))
            {
                case "FACILITY":
                    (assigned, facility) = (true, true);
                    break;
                case "NONFACILITY":
                    (assigned, facility) = (true, false);
                    break;
                case "UNASSIGNED":
                    (assigned, facility) = (false, false);
                    break;
                default:
                    file.Error(row.Line, $"The facility type of place of service {text} is '{type}', not Facility, Non-Facility or Unassigned; the row was refused.");
                    continue;
            }

            if (entries[code.Value] is not null)
            {
                file.Error(row.Line, $"Place of service {text} appears again (first at line {lines[code.Value]}); the repeated row was refused.");
                continue;
            }

            entries[code.Value] = new PlaceOfServiceInfo(assigned, facility, row[columns["pos_name"]], row[columns["pos_description"]]);
            lines[code.Value] = row.Line;
            count++;
        }

        file.CheckSize(TableMinimum.PlaceOfService, count, entries[99] is not null);

        // The list is not versioned by CMS; the file name is all there is to name it by.
        var table = new PlaceOfServiceTable(entries, new TableRelease(TableName, "undated", file.FileName, null, null, count));
        file.AddTo(b =>
        {
            b.SetTable(table);
            b.AddRelease(table.Release);
        });
    }

    private static string Normalize(string type) => string.Concat(type.Where(char.IsLetter)).ToUpperInvariant();

    [GeneratedRegex(@"^place_of_service_codes.*\.(csv|xlsx)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
