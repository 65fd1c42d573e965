namespace Energy.Application.Vendor;

/// <summary>The vendor answered with a business code other than 10000 (附3), e.g. 20001 "Unfinished task".</summary>
public sealed class VendorRefusedException : Exception
{
    public VendorRefusedException(string code, string message)
        : base($"{code} {message}".Trim())
    {
        Code = code;
        VendorMessage = message;
    }

    public VendorRefusedException() : this("", "") { }

    public VendorRefusedException(string message) : this("", message) { }

    public VendorRefusedException(string message, Exception innerException) : base(message, innerException)
    {
        Code = "";
        VendorMessage = message;
    }

    public string Code { get; }

    public string VendorMessage { get; }
}

/// <summary>The vendor could not be reached or did not answer in time, after the retries.</summary>
public sealed class VendorUnavailableException : Exception
{
    public VendorUnavailableException() { }

    public VendorUnavailableException(string message) : base(message) { }

    public VendorUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
