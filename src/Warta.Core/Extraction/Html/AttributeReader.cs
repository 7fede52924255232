using System.Runtime.CompilerServices;
using AngleSharp.Dom;

namespace Warta.Extraction.Html;

/// <summary>
/// Reads several attributes of an element in one walk over its attribute list. One <c>GetAttribute</c> lowercases
/// the name and scans the list (about 11 ns on a page's hot DOM); the boilerplate rules and the metadata scans ask
/// each element for five or six names, which one walk answers in about 15 ns.
/// </summary>
internal static class AttributeReader
{
    /// <summary>Up to <see cref="Capacity"/> attribute values, by the position of their names.</summary>
    [InlineArray(Capacity)]
    public struct Values
    {
        public const int Capacity = 8;

        private string? _first;
    }

    /// <summary>
    /// Sets <paramref name="values"/>[i] to the value of the first attribute named <paramref name="names"/>[i]
    /// (lower case, as the parser stores them), null when there is none; false when the element has no attributes.
    /// </summary>
    public static bool Read(IElement element, ReadOnlySpan<string> names, ref Values values)
    {
        var list = element.Attributes;
        if (list.Length == 0)
            return false;
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is not { } attribute)
                continue;
            var name = attribute.Name;
            for (var k = 0; k < names.Length; k++)
            {
                if (string.Equals(name, names[k], StringComparison.Ordinal))
                {
                    values[k] ??= attribute.Value;
                    break;
                }
            }
        }
        return true;
    }
}
