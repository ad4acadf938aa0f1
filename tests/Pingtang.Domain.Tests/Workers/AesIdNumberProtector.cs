using System.Security.Cryptography;
using System.Text;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Workers;

/// <summary>
/// A real protector for the domain's tests, AES-GCM with a key of its own: the host's, Data Protection, is tested
/// with the host. Each protection has a fresh nonce, so equal numbers give different ciphertexts, as the host's do.
/// </summary>
public sealed class AesIdNumberProtector : IIdNumberProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Protect(string idNumber)
    {
        var plain = Encoding.UTF8.GetBytes(idNumber);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(sealedBytes);
    }

    public string Unprotect(string protectedIdNumber)
    {
        var sealedBytes = Convert.FromBase64String(protectedIdNumber);
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
