namespace Energy.Domain;

/// <summary>What kind of rule a command broke; the application maps each kind to a contract code.</summary>
public enum DomainRule
{
    /// <summary>The aggregate does not exist (never created, or deleted).</summary>
    NotFound,

    /// <summary>A value is not acceptable (a field out of range, a formula that does not parse).</summary>
    Invalid,

    /// <summary>The command refers to something missing or breaks an invariant.</summary>
    Violated,

    /// <summary>Another writer changed the same thing in a different way since the caller read it.</summary>
    Conflict,
}

/// <summary>A command a decider refuses; deciders throw it, the application turns it into a contract error.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(DomainRule rule, string message, string? field = null)
        : base(message)
    {
        Rule = rule;
        Field = field;
    }

    public DomainRuleException() : this(DomainRule.Violated, "A domain rule was broken.") { }

    public DomainRuleException(string message) : this(DomainRule.Violated, message) { }

    public DomainRuleException(string message, Exception innerException) : base(message, innerException) { }

    public DomainRule Rule { get; }

    /// <summary>The input the rule is about, when there is one (the seed's field name is the edge's business).</summary>
    public string? Field { get; }

    public static DomainRuleException NotFound(string what, long id) => new(DomainRule.NotFound, $"no {what} with id {id}");

    public static DomainRuleException Invalid(string field, string message) => new(DomainRule.Invalid, message, field);

    public static DomainRuleException Violated(string message) => new(DomainRule.Violated, message);
}
