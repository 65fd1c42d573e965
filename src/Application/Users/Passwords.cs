using Energy.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace Energy.Application.Users;

/// <summary>Salted, slow password hashes (the framework's PBKDF2 <see cref="PasswordHasher{TUser}"/>).</summary>
public static class Passwords
{
    private static readonly PasswordHasher<User> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(User.None, password);

    public static bool Verify(string hash, string password) =>
        hash.Length > 0 && Hasher.VerifyHashedPassword(User.None, hash, password) != PasswordVerificationResult.Failed;
}
