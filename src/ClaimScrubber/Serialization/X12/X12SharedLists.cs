using System.Collections.Immutable;

namespace ClaimScrubber.Serialization.X12;

/// <summary>
/// The short lists most lines repeat (pointers 1, 1:2, 1:2:3…, one modifier such as 25), built once and shared by every
/// line that has them: an immutable array can be, and a file of a million lines then allocates none for them.
/// </summary>
internal static class X12SharedLists
{
    private const int MaxPointer = 12;
    private const int Base = MaxPointer + 1;

    // A race only builds an equal array twice.
    private static readonly ImmutableArray<int>[] Pointers = new ImmutableArray<int>[Base * Base * Base * Base];
    private static readonly ImmutableArray<ModifierCode>[] SingleModifiers = new ImmutableArray<ModifierCode>[1 << 12];

    public static ImmutableArray<int> PointersOf(List<int> pointers)
    {
        if (pointers.Count is 0 or > 4)
        {
            return ClaimExtension.Immutable(pointers);
        }

        var key = 0;
        foreach (var pointer in pointers)
        {
            if ((uint)(pointer - 1) >= MaxPointer)
            {
                return ClaimExtension.Immutable(pointers);
            }

            key = (key * Base) + pointer;
        }

        var shared = Pointers[key];
        if (shared.IsDefault)
        {
            shared = ClaimExtension.Immutable(pointers);
            Pointers[key] = shared;
        }

        return shared;
    }

    public static ImmutableArray<ModifierCode> ModifiersOf(List<ModifierCode> modifiers)
    {
        if (modifiers.Count != 1 || modifiers[0].Value >= SingleModifiers.Length)
        {
            return ClaimExtension.Immutable(modifiers);
        }

        var shared = SingleModifiers[modifiers[0].Value];
        if (shared.IsDefault)
        {
            shared = ClaimExtension.Immutable(modifiers);
            SingleModifiers[modifiers[0].Value] = shared;
        }

        return shared;
    }
}
