namespace Energy.Http.Auth;

/// <summary>Authorization policy names used by endpoint groups.</summary>
public static class AuthPolicies
{
    /// <summary>Only administrators (registering users, rebuilding projections).</summary>
    public const string Admin = "admin";
}
