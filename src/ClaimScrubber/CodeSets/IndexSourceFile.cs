namespace ClaimScrubber.CodeSets;

/// <summary>A CMS file an index was loaded from: its path in the loaded folder, its size and its SHA-256.</summary>
/// <param name="Path">The path relative to the loaded folder, with <c>/</c> separators.</param>
/// <param name="Length">The size in bytes.</param>
/// <param name="Sha256">The SHA-256 of the file's bytes, as 64 lowercase hexadecimal digits.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record IndexSourceFile(string Path, long Length, string Sha256);
