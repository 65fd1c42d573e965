namespace Energy.Domain.Meters;

/// <summary>A formula that does not parse; <see cref="Position"/> is the 1-based character where it went wrong.</summary>
public sealed class FormulaSyntaxException : Exception
{
    public FormulaSyntaxException(string problem, int position)
        : base($"syntax error at position {position}: {problem}")
    {
        Problem = problem;
        Position = position;
    }

    public FormulaSyntaxException() : this("the formula is not valid", 1) { }

    public FormulaSyntaxException(string message) : this(message, 1) { }

    public FormulaSyntaxException(string message, Exception innerException) : base(message, innerException)
    {
        Problem = message;
        Position = 1;
    }

    public string Problem { get; }

    public int Position { get; }
}
