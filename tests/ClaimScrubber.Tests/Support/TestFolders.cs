namespace ClaimScrubber.Tests.Support;

/// <summary>Folder fixtures.</summary>
public static class TestFolders
{
    /// <summary>Copies every file below <paramref name="source"/> to the same place below <paramref name="target"/>, so a test can damage the copy.</summary>
    /// <returns><paramref name="target"/>.</returns>
    public static string CopyTree(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}
