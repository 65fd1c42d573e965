using System.Buffers.Binary;

namespace Energy.Domain.Platform;

/// <summary>
/// The SM4 block cipher (GB/T 32907-2016): 128-bit block and key, 32 rounds. Some provinces encrypt each
/// uploaded value with it (ECB, PKCS7, hex); the BCL has no SM4, so it is written out here.
/// </summary>
public sealed class Sm4
{
    private const int BlockSize = 16;

    private static readonly uint[] Fk = [0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc];

    private static readonly byte[] Sbox = Convert.FromHexString(
        "d690e9fecce13db716b614c228fb2c052b679a762abe04c3aa44132649860699" +
        "9c4250f491ef987a33540b43edcfac62e4b31ca9c908e89580df94fa758f3fa6" +
        "4707a7fcf37317ba83593c19e6854fa8686b81b27164da8bf8eb0f4b70569d35" +
        "1e240e5e6358d1a225227c3b01217887d40046579fd327524c3602e7a0c4c89e" +
        "eabf8ad240c738b5a3f7f2cef96115a1e0ae5da49b341a55ad933230f58cb1e3" +
        "1df6e22e8266ca60c02923ab0d534e6fd5db3745defd8e2f03ff6a726d6c5b51" +
        "8d1baf92bbddbc7f11d95c411f105ad80ac13188a5cd7bbd2d74d012b8e5b4b0" +
        "8969974a0c96777e65b9f109c56ec68418f07dec3adc4d2079ee5f3ed7cb3948");

    private readonly uint[] roundKeys = new uint[32];

    public Sm4(ReadOnlySpan<byte> key)
    {
        if (key.Length != BlockSize)
        {
            throw new ArgumentException("An SM4 key is 16 bytes.", nameof(key));
        }

        Span<uint> k = stackalloc uint[36];
        for (var i = 0; i < 4; i++)
        {
            k[i] = BinaryPrimitives.ReadUInt32BigEndian(key[(i * 4)..]) ^ Fk[i];
        }

        for (var i = 0; i < 32; i++)
        {
            var t = Tau(k[i + 1] ^ k[i + 2] ^ k[i + 3] ^ Ck(i));
            k[i + 4] = k[i] ^ t ^ uint.RotateLeft(t, 13) ^ uint.RotateLeft(t, 23);
            roundKeys[i] = k[i + 4];
        }
    }

    /// <summary>ECB with PKCS7 padding.</summary>
    public byte[] EncryptEcb(ReadOnlySpan<byte> plain)
    {
        var pad = BlockSize - (plain.Length % BlockSize);
        var buffer = new byte[plain.Length + pad];
        plain.CopyTo(buffer);
        buffer.AsSpan(plain.Length).Fill((byte)pad);
        for (var offset = 0; offset < buffer.Length; offset += BlockSize)
        {
            Crypt(buffer.AsSpan(offset, BlockSize), decrypt: false);
        }

        return buffer;
    }

    /// <summary>ECB with PKCS7 padding; throws <see cref="FormatException"/> on a bad length or padding.</summary>
    public byte[] DecryptEcb(ReadOnlySpan<byte> cipher)
    {
        if (cipher.Length == 0 || cipher.Length % BlockSize != 0)
        {
            throw new FormatException("SM4 ciphertext is a whole number of 16-byte blocks.");
        }

        var buffer = cipher.ToArray();
        for (var offset = 0; offset < buffer.Length; offset += BlockSize)
        {
            Crypt(buffer.AsSpan(offset, BlockSize), decrypt: true);
        }

        var pad = buffer[^1];
        if (pad is 0 or > BlockSize || buffer.AsSpan(buffer.Length - pad).ContainsAnyExcept(pad))
        {
            throw new FormatException("SM4 padding is not PKCS7.");
        }

        return buffer[..^pad];
    }

    /// <summary>One block, in place (no padding): the standard's test vector works on this.</summary>
    public void Crypt(Span<byte> block, bool decrypt)
    {
        Span<uint> x = stackalloc uint[4];
        for (var i = 0; i < 4; i++)
        {
            x[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(i * 4)..]);
        }

        for (var r = 0; r < 32; r++)
        {
            var rk = roundKeys[decrypt ? 31 - r : r];
            var t = Tau(x[1] ^ x[2] ^ x[3] ^ rk);
            var next = x[0] ^ t ^ uint.RotateLeft(t, 2) ^ uint.RotateLeft(t, 10) ^ uint.RotateLeft(t, 18) ^ uint.RotateLeft(t, 24);
            x[0] = x[1];
            x[1] = x[2];
            x[2] = x[3];
            x[3] = next;
        }

        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(block[(i * 4)..], x[3 - i]);
        }
    }

    /// <summary>The key: 32 hex digits, or 16 characters taken as bytes.</summary>
    public static byte[] KeyFrom(string secretKey)
    {
        if (secretKey.Length == 32 && secretKey.All(Uri.IsHexDigit))
        {
            return Convert.FromHexString(secretKey);
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(secretKey);
        return bytes.Length == BlockSize
            ? bytes
            : throw new FormatException("An SM4 secretKey is 32 hex digits or 16 bytes.");
    }

    public static string EncryptToHex(string secretKey, string value) =>
        Convert.ToHexStringLower(new Sm4(KeyFrom(secretKey)).EncryptEcb(System.Text.Encoding.UTF8.GetBytes(value)));

    public static string DecryptHex(string secretKey, string hex) =>
        System.Text.Encoding.UTF8.GetString(new Sm4(KeyFrom(secretKey)).DecryptEcb(Convert.FromHexString(hex)));

    private static uint Ck(int i)
    {
        uint ck = 0;
        for (var j = 0; j < 4; j++)
        {
            ck = (ck << 8) | (uint)(((4 * i) + j) * 7 % 256);
        }

        return ck;
    }

    private static uint Tau(uint a) =>
        ((uint)Sbox[(int)(a >> 24)] << 24) | ((uint)Sbox[(int)((a >> 16) & 0xff)] << 16) |
        ((uint)Sbox[(int)((a >> 8) & 0xff)] << 8) | Sbox[(int)(a & 0xff)];
}
