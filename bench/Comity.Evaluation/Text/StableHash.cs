using System.Text;

namespace Comity.Evaluation.Text;

/// <summary>FNV-1a 64-bit hash of UTF-8 text: stable across processes and platforms (unlike
/// <see cref="string.GetHashCode()"/>).</summary>
internal static class StableHash
{
    public static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A seed for <see cref="Random"/> derived from the run seed and a label, so that adding one generator
    /// does not shift the random stream of another.</summary>
    public static int Seed(int seed, string label) => (int)(Fnv1a(label) ^ (ulong)(uint)seed) & int.MaxValue;
}
