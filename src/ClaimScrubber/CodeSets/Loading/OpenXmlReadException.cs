namespace ClaimScrubber.CodeSets.Loading;

/// <summary>Wraps a failure of the workbook reader so that the loader reports it against the file.</summary>
internal sealed class OpenXmlReadException : Exception
{
    public OpenXmlReadException()
    {
    }

    public OpenXmlReadException(string message)
        : base(message)
    {
    }

    public OpenXmlReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
