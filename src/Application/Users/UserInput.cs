using System.Net.Mail;
using Energy.Application.Common;
using Energy.Domain.Users;

namespace Energy.Application.Users;

/// <summary>What a client sends to register (1.3) or update (1.4) a user, validated per CONTRACT §3.</summary>
public sealed record UserInput(string? Name, string? Email, string? Password = null, UserProfile? Profile = null)
{
    public const int MinPasswordLength = 8;

    /// <summary>The longest address SMTP carries (RFC 5321: a 254-character path).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Profile fields (phone, company, address …) are free text, but not unbounded.</summary>
    public const int MaxProfileFieldLength = 200;

    /// <summary>bcrypt-style hashes read at most this much; a longer "password" only costs hashing time.</summary>
    public const int MaxPasswordLength = 1024;

    public (string Name, UserProfile Profile) Validate()
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length is < 3 or > 64)
        {
            throw ContractError.BadParameter("Usr_Name", "3 to 64 characters");
        }

        var email = Email?.Trim();
        if (email is { Length: > MaxEmailLength })
        {
            throw ContractError.BadParameter("Usr_Email", $"must be an e-mail address of at most {MaxEmailLength} characters, got {email.Length}");
        }

        if (string.IsNullOrEmpty(email) || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            throw ContractError.BadParameter("Usr_Email", "a valid e-mail address such as li@example.com");
        }

        var profile = Profile ?? new UserProfile(email);
        Bounded(profile.Phone, "Usr_Phone");
        Bounded(profile.XcxTitle, "XCX_Title");
        Bounded(profile.Company, "Usr_Company");
        Bounded(profile.Province, "Usr_Province");
        Bounded(profile.City, "Usr_City");
        Bounded(profile.DetailAddress, "Usr_Detail_Addr");
        Bounded(profile.Area, "Usr_Area");
        return (name, profile with { Email = email });
    }

    private static void Bounded(string? value, string field)
    {
        if (value is { Length: > MaxProfileFieldLength })
        {
            throw ContractError.BadParameter(field, $"must be at most {MaxProfileFieldLength} characters, got {value.Length}");
        }
    }

    public string ValidPassword() =>
        Password is { Length: >= MinPasswordLength and <= MaxPasswordLength } password
            ? password
            : throw ContractError.BadParameter("Usr_Password", $"at least {MinPasswordLength} and at most {MaxPasswordLength} characters");
}
