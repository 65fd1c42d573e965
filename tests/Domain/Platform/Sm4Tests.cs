using Energy.Domain.Platform;

namespace Energy.Domain.Tests.Platform;

public sealed class Sm4Tests
{
    private const string StandardKey = "0123456789abcdeffedcba9876543210";

    [Fact]
    public void The_GB_T_32907_test_vector_encrypts_to_the_standard_ciphertext_and_back()
    {
        var sm4 = new Sm4(Convert.FromHexString(StandardKey));
        var block = Convert.FromHexString(StandardKey);

        sm4.Crypt(block, decrypt: false);
        Convert.ToHexStringLower(block).ShouldBe("681edf34d206965e86b3e94f536e4246");

        sm4.Crypt(block, decrypt: true);
        Convert.ToHexStringLower(block).ShouldBe(StandardKey);
    }

    [Fact]
    public void ECB_with_PKCS7_pads_the_standard_plaintext_with_a_whole_block_and_its_first_block_is_the_standard_ciphertext()
    {
        var cipher = new Sm4(Convert.FromHexString(StandardKey)).EncryptEcb(Convert.FromHexString(StandardKey));

        cipher.Length.ShouldBe(32);
        Convert.ToHexStringLower(cipher)[..32].ShouldBe("681edf34d206965e86b3e94f536e4246");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("123.4567")]
    [InlineData("1234567890.123456")]
    public void A_value_encrypted_to_hex_under_a_hex_key_decrypts_to_itself(string value)
    {
        var hex = Sm4.EncryptToHex(StandardKey, value);

        hex.Length.ShouldBe(value.Length < 16 ? 32 : 64);
        Sm4.DecryptHex(StandardKey, hex).ShouldBe(value);
    }

    [Fact]
    public void A_16_character_key_is_taken_as_its_bytes()
    {
        Sm4.DecryptHex("abcdefghijklmnop", Sm4.EncryptToHex("abcdefghijklmnop", "42")).ShouldBe("42");
    }

    [Fact]
    public void Bad_padding_is_refused()
    {
        Should.Throw<FormatException>(() => new Sm4(Convert.FromHexString(StandardKey)).DecryptEcb(new byte[16]));
    }
}
