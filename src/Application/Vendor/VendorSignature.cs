using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Energy.Application.Vendor;

/// <summary>
/// Seed 003 附4: <c>sign = sha1_hex(task_id or data_id + meter + username + password + secretKey)</c>.
/// </summary>
/// <remarks>SHA-1 is the vendor's choice, not ours; we must compute exactly what the vendor computes.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "The vendor's protocol (seed 003 附4) fixes SHA-1.")]
public sealed class VendorSignature(IOptions<VendorOptions> options)
{
    /// <summary>The sign of a delivery or an outbound task, lower-case hex.</summary>
    public string Compute(string id, string meter)
    {
        return Convert.ToHexStringLower(Hash(id, meter));
    }

    /// <summary>
    /// Whether <paramref name="sign"/> is the sign of (id, meter). Hex case does not matter, and the bytes are
    /// compared in constant time so the response time does not leak how much of a forged sign was right.
    /// </summary>
    public bool Matches(string id, string meter, string? sign)
    {
        if (!options.Value.CanVerifySigns || sign is null || sign.Length != SHA1.HashSizeInBytes * 2)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(sign);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(id, meter), given);
    }

    private byte[] Hash(string id, string meter)
    {
        var o = options.Value;
        return SHA1.HashData(Encoding.UTF8.GetBytes(id + meter + o.Username + o.Password + o.SecretKey));
    }
}
