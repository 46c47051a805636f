using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Comity.Application.Tests.Corpus;

/// <summary>Compares two object graphs field by field (private fields included, through every reachable object),
/// arrays and lists element by element, dictionaries and sets by content whatever their order: what a restored corpus
/// must equal, so that a field added to the index or the model and forgotten by the snapshot cannot pass unseen.</summary>
internal static class DeepEquality
{
    /// <summary>The first difference as a path (<c>_vocabulary._infos[17].Key: "x" vs "y"</c>), or null when equal.</summary>
    public static string? FirstDifference(object? a, object? b, Func<FieldInfo, bool>? skip = null) =>
        Compare(a, b, "$", new HashSet<(object, object)>(PairComparer.Instance), skip ?? (_ => false));

    private static string? Compare(object? a, object? b, string path, HashSet<(object, object)> seen, Func<FieldInfo, bool> skip)
    {
        if (a is null || b is null)
        {
            return a is null && b is null ? null : $"{path}: {Show(a)} vs {Show(b)}";
        }

        var type = a.GetType();
        if (type != b.GetType())
        {
            return $"{path}: type {type.Name} vs {b.GetType().Name}";
        }

        if (type.IsPrimitive || type.IsEnum || a is string or decimal or DateTime or DateTimeOffset or TimeSpan or Guid or DateOnly)
        {
            return a.Equals(b) ? null : $"{path}: {Show(a)} vs {Show(b)}";
        }

        if (!type.IsValueType && !seen.Add((a, b)))
        {
            return null;
        }

        if (a is Delegate || a is Type || a is Assembly || a is IEqualityComparer || type.FullName?.StartsWith("System.Collections.Generic.IEqualityComparer", StringComparison.Ordinal) == true
            || type.Name.Contains("Comparer", StringComparison.Ordinal))
        {
            return null;
        }

        if (a is int[] ia)
        {
            return ia.AsSpan().SequenceEqual((int[])b) ? null : $"{path}: int arrays differ";
        }

        if (a is ushort[] ua)
        {
            return ua.AsSpan().SequenceEqual((ushort[])b) ? null : $"{path}: ushort arrays differ";
        }

        if (a is long[] la64)
        {
            return la64.AsSpan().SequenceEqual((long[])b) ? null : $"{path}: long arrays differ";
        }

        if (a is double[] dbl)
        {
            return dbl.AsSpan().SequenceEqual((double[])b) ? null : $"{path}: double arrays differ";
        }

        if (a is byte[] ba)
        {
            return ba.AsSpan().SequenceEqual((byte[])b) ? null : $"{path}: byte arrays differ";
        }

        if (a is IDictionary da && b is IDictionary db)
        {
            if (da.Count != db.Count)
            {
                return $"{path}: {da.Count} entries vs {db.Count}";
            }

            foreach (DictionaryEntry e in da)
            {
                if (!db.Contains(e.Key))
                {
                    return $"{path}[{Show(e.Key)}]: missing";
                }

                if (Compare(e.Value, db[e.Key], $"{path}[{Show(e.Key)}]", seen, skip) is { } d)
                {
                    return d;
                }
            }

            return null;
        }

        if (IsSet(type) && a is IEnumerable sa && b is IEnumerable sb)
        {
            var left = sa.Cast<object>().ToList();
            var right = sb.Cast<object>().ToHashSet();
            return left.Count != right.Count || !left.All(right.Contains) ? $"{path}: sets differ" : null;
        }

        if (a is IEnumerable ea && b is IEnumerable eb && (type.IsArray || type.IsGenericType && type.Name.StartsWith("ImmutableArray", StringComparison.Ordinal) || a is IList))
        {
            var la = ea.Cast<object?>().ToList();
            var lb = eb.Cast<object?>().ToList();
            if (la.Count != lb.Count)
            {
                return $"{path}: length {la.Count} vs {lb.Count}";
            }

            for (var i = 0; i < la.Count; i++)
            {
                if (Compare(la[i], lb[i], $"{path}[{i}]", seen, skip) is { } d)
                {
                    return d;
                }
            }

            return null;
        }

        foreach (var f in Fields.GetOrAdd(type, static t =>
        {
            var all = new List<FieldInfo>();
            for (var x = t; x is not null && x != typeof(object); x = x.BaseType)
            {
                all.AddRange(x.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
            }

            return [.. all];
        }))
        {
            if (skip(f))
            {
                continue;
            }

            if (Compare(f.GetValue(a), f.GetValue(b), path + "." + f.Name, seen, skip) is { } d)
            {
                return d;
            }
        }

        return null;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, FieldInfo[]> Fields = new();

    private static bool IsSet(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ISet<>) || i.GetGenericTypeDefinition() == typeof(IReadOnlySet<>)));

    private static string Show(object? o) => o switch
    {
        null => "null",
        string s => "\"" + (s.Length > 60 ? s[..60] + "…" : s) + "\"",
        _ => o.ToString() ?? o.GetType().Name,
    };

    private sealed class PairComparer : IEqualityComparer<(object, object)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((object, object) x, (object, object) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((object, object) obj) => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
