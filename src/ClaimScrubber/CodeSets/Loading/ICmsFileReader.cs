namespace ClaimScrubber.CodeSets.Loading;

/// <summary>Reads one kind of CMS file, recognised by its name as CMS publishes it.</summary>
internal interface ICmsFileReader
{
    /// <summary>Gets the reader's id, as a manifest names it, such as <c>icd10cm-order</c>.</summary>
    string Id { get; }

    /// <summary>Tells whether a file of this name is one this reader reads.</summary>
    bool Recognizes(string fileName);

    /// <summary>Reads the file, reporting every refused row or unreadable part to <paramref name="file"/>.</summary>
    void Read(CmsFile file);
}
