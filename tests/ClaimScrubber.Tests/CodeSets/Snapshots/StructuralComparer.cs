using System.Reflection;
using System.Runtime.CompilerServices;

namespace ClaimScrubber.Tests.CodeSets.Snapshots;

/// <summary>
/// Compares two object graphs field by field (private fields included, arrays element by element), so that a table
/// read back from a snapshot is checked whole, derived and acceleration structures included, whatever its layout.
/// </summary>
public static class StructuralComparer
{
    // Caches a table builds on first use, which a table just loaded (either way) has not built yet: the MCE list
    // membership, worked out by the first scrubber over the index, and the codes each PTP release held in force.
    private static readonly HashSet<(Type, string)> BuiltOnFirstUse =
    [
        (typeof(ClaimScrubber.CodeSets.Mce.MceTable), "membership"),
        (typeof(ClaimScrubber.CodeSets.Ncci.PtpTable), "codesInForce"),
    ];

    /// <summary>Throws naming the first field path where <paramref name="expected"/> and <paramref name="actual"/> differ.</summary>
    public static void AssertEqual(object? expected, object? actual, string path)
    {
        var visited = new HashSet<(object, object)>(PairComparer.Instance);
        Compare(expected, actual, path, visited);
    }

    private static void Compare(object? expected, object? actual, string path, HashSet<(object, object)> visited)
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
            {
                Fail(path, $"{Describe(expected)} vs {Describe(actual)}");
            }

            return;
        }

        var type = expected.GetType();
        if (type != actual.GetType())
        {
            Fail(path, $"type {type} vs {actual.GetType()}");
        }

        if (type.IsPrimitive || type.IsEnum || expected is string or decimal or DateOnly or DateTime or TimeSpan or Type)
        {
            if (!expected.Equals(actual))
            {
                Fail(path, $"{Describe(expected)} vs {Describe(actual)}");
            }

            return;
        }

        if (!type.IsValueType && (ReferenceEquals(expected, actual) || !visited.Add((expected, actual))))
        {
            return;
        }

        if (expected is Delegate)
        {
            return;
        }

        if (expected is Array expectedArray)
        {
            var actualArray = (Array)actual;
            if (expectedArray.Length != actualArray.Length)
            {
                Fail(path, $"length {expectedArray.Length} vs {actualArray.Length}");
            }

            var element = type.GetElementType()!;
            if (element.IsPrimitive && expectedArray.Rank == 1)
            {
                var length = Buffer.ByteLength(expectedArray);
                var a = new byte[length];
                var b = new byte[length];
                Buffer.BlockCopy(expectedArray, 0, a, 0, length);
                Buffer.BlockCopy(actualArray, 0, b, 0, length);
                var at = a.AsSpan().CommonPrefixLength(b);
                if (at != length)
                {
                    Fail(path, $"element {at / Buffer.ByteLength(Array.CreateInstance(element, 1))} differs");
                }

                return;
            }

            var index = 0;
            foreach (var item in expectedArray)
            {
                Compare(item, actualArray.GetValue(index), $"{path}[{index}]", visited);
                index++;
            }

            return;
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (BuiltOnFirstUse.Contains((t, field.Name)))
                {
                    continue;
                }

                Compare(field.GetValue(expected), field.GetValue(actual), $"{path}.{field.Name}", visited);
            }
        }
    }

    private static string Describe(object? value) => value is null ? "null" : $"'{value}'";

    private static void Fail(string path, string detail) => throw new Xunit.Sdk.XunitException($"{path} differs: {detail}");

    private sealed class PairComparer : IEqualityComparer<(object, object)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((object, object) x, (object, object) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((object, object) obj) => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
