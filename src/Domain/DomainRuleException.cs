namespace Energy.Domain;

/// <summary>What kind of rule a command broke; the application maps each kind to a contract code.</summary>
public enum DomainRule
{
    /// <summary>The command refers to something missing or breaks an invariant (the default).</summary>
    Violated,

    /// <summary>The aggregate does not exist (never created, or deleted).</summary>
    NotFound,

    /// <summary>A value is not acceptable (a field out of range, a formula that does not parse).</summary>
    Invalid,

    /// <summary>Another writer changed the same thing in a different way since the caller read it.</summary>
    Conflict,
}

/// <summary>A command that breaks a domain rule; the application turns it into a contract error.</summary>
public sealed class DomainRuleException(string field, string message, DomainRule rule = DomainRule.Violated) : Exception(message)
{
    /// <summary>The contract field the rule is about, or "" when it is about the whole request.</summary>
    public string Field { get; } = field;

    /// <summary>What kind of rule was broken, so the application can pick the code (4002, 4103, 4004).</summary>
    public DomainRule Rule { get; } = rule;

    public static DomainRuleException NotFound(string what, long id) => new("id", $"no {what} with id {id}", DomainRule.NotFound);

    public static DomainRuleException Invalid(string field, string message) => new(field, message, DomainRule.Invalid);

    public static DomainRuleException Violated(string message) => new("", message);

    public static DomainRuleException Conflict(string message) => new("", message, DomainRule.Conflict);
}
