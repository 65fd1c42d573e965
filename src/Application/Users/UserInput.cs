using System.Net.Mail;
using Energy.Application.Common;
using Energy.Domain.Users;

namespace Energy.Application.Users;

/// <summary>What a client sends to register (1.3) or update (1.4) a user, validated per CONTRACT §3.</summary>
public sealed record UserInput(string? Name, string? Email, string? Password = null, UserProfile? Profile = null)
{
    public const int MinPasswordLength = 8;

    public (string Name, UserProfile Profile) Validate()
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length is < 3 or > 64)
        {
            throw ContractError.BadParameter("Usr_Name", "3 to 64 characters");
        }

        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email) || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            throw ContractError.BadParameter("Usr_Email", "a valid e-mail address such as li@example.com");
        }

        return (name, (Profile ?? new UserProfile(email)) with { Email = email });
    }

    public string ValidPassword() =>
        Password is { Length: >= MinPasswordLength } password
            ? password
            : throw ContractError.BadParameter("Usr_Password", $"at least {MinPasswordLength} characters");
}
