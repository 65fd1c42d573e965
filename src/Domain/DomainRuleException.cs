namespace Energy.Domain;

/// <summary>A command that breaks a domain rule; the application turns it into a contract error.</summary>
public sealed class DomainRuleException(string field, string message) : Exception(message)
{
    /// <summary>The contract field the rule is about, or "" when it is about the whole request.</summary>
    public string Field { get; } = field;
}
