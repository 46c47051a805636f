using Comity.Storage.Keys;

namespace Comity.Storage.Tests.Keys;

public sealed class ApiKeyHasherTests
{
    [Fact]
    public void Hash_is_sha256_of_salt_then_utf8_key()
    {
        // hashlib.sha256(bytes.fromhex("000102030405060708090a0b0c0d0e0f") + b"key").hexdigest()
        Assert.Equal(
            "5db0c95ae5df47b9ba6cc8c7efca33636612799ae5899a4d2800064ca313db22",
            ApiKeyHasher.Hash("000102030405060708090a0b0c0d0e0f", "key"));
        Assert.True(ApiKeyHasher.Matches(
            "000102030405060708090a0b0c0d0e0f", "5db0c95ae5df47b9ba6cc8c7efca33636612799ae5899a4d2800064ca313db22", "key"));
        Assert.False(ApiKeyHasher.Matches(
            "000102030405060708090a0b0c0d0e0f", "5db0c95ae5df47b9ba6cc8c7efca33636612799ae5899a4d2800064ca313db22", "Key"));
    }

    [Fact]
    public void Issued_keys_carry_their_id_and_fresh_randomness()
    {
        var id = ApiKeyHasher.NewId();
        var key = ApiKeyHasher.NewIssuedKey(id);
        Assert.Equal(id, ApiKeyHasher.IssuedId(key));
        Assert.Equal(4 + 16 + 1 + 43, key.Length);
        Assert.NotEqual(key, ApiKeyHasher.NewIssuedKey(id));
        Assert.NotEqual(ApiKeyHasher.NewSalt(), ApiKeyHasher.NewSalt());
        Assert.Null(ApiKeyHasher.IssuedId("cmk_0123"));
        Assert.Null(ApiKeyHasher.IssuedId("cmk_0123456789ABCDEF_secret"));
        Assert.Null(ApiKeyHasher.IssuedId("s3cret-from-config"));
    }
}
