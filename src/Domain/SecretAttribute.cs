namespace Energy.Domain;

/// <summary>
/// Marks an event property that must never leave the service: audit answers and logs drop it. The value
/// is kept in the log only because rebuilding state needs it (a password hash, a session token's hash).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SecretAttribute : Attribute;
