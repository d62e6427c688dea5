using System.CommandLine;
using ClaimScrubber.CodeSets.Loading;
using ClaimScrubber.Compatibility;

namespace ClaimScrubber.Cli.Commands;

/// <summary>
/// <c>mce-compat --data DIR INPUT.tsv OUTPUT.tsv</c>: runs the MCE-compatible diagnosis, procedure and claim edits over
/// claims in the layout of the MCE golden vectors' <c>claims.tsv</c> (optionally with admission date and discharge status)
/// and writes the layout of <c>expected.tsv</c>, for comparison with CMS's MCE software.
/// </summary>
internal static class MceCompatCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "Folder of CMS files: the MCE definitions (and v41.1 age/sex CSV) and the ICD-10-CM and ICD-10-PCS order files.",
            Required = true,
        };
        var input = new Argument<FileInfo>("input") { Description = "Claims: id, discharge_date, age, sex, pdx, sdx, px [, admission_date, discharge_status] (tab separated, header row)." };
        var output = new Argument<FileInfo>("output") { Description = "Where to write id, edit_type, dx_edits, px_edits [, claim_edits] (tab separated, header row)." };
        var command = new Command("mce-compat", "Edit MCE-style claims with the Medicare Code Editor diagnosis, procedure and claim logic and write the MCE's own edit names.")
        {
            data,
            input,
            output,
        };
        command.SetAction(parse => Run(parse.GetValue(data)!, parse.GetValue(input)!, parse.GetValue(output)!));
        return command;
    }

    private static int Run(DirectoryInfo data, FileInfo input, FileInfo output)
    {
        if (!data.Exists)
        {
            Console.Error.WriteLine($"The data folder '{data.FullName}' does not exist.");
            return 2;
        }

        var loaded = CmsFolderLoader.Load(data.FullName);
        foreach (var problem in loaded.Report.Problems.Where(p => p.IsError))
        {
            Console.Error.WriteLine(problem);
        }

        MceCompatibleEditor editor;
        try
        {
            editor = MceCompatibleEditor.Create(loaded.Index);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        if (!editor.ValidatesProcedures)
        {
            Console.Error.WriteLine("The data folder has no ICD-10-PCS order file (cms_YYYY_pcs.zip): procedure codes are not checked for validity.");
        }

        try
        {
            using var reader = input.OpenText();
            using var writer = new StreamWriter(output.FullName, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            var count = editor.EditAll(reader, writer);
            Console.Error.WriteLine($"{count} claims edited; results written to {output.FullName}.");
            return 0;
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{input.Name}: {ex.Message}");
            return 1;
        }
    }
}
