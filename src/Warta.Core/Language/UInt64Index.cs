namespace Warta.Language;

/// <summary>
/// A read-only map from 64-bit keys to dense row numbers 0..n-1, by open addressing with linear probing in a
/// power-of-two table at most half full. The models' hot loops look keys up millions of times a second, and one
/// probe into a flat array is cheaper there than <see cref="Dictionary{TKey, TValue}"/>'s buckets and entries.
/// Key 0 is reserved as the empty slot; a caller's key 0 is stored under a substitute.
/// </summary>
internal sealed class UInt64Index
{
    private const ulong Empty = 0;
    private const ulong ZeroSubstitute = 0x9E3779B97F4A7C15;

    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly int _mask;

    /// <summary>Indexes <paramref name="keys"/>: key k gets row k's position. Keys must be distinct.</summary>
    public UInt64Index(ReadOnlySpan<ulong> keys)
    {
        var size = 16;
        while (size < keys.Length * 2)
            size *= 2;
        _keys = new ulong[size];
        _rows = new int[size];
        _mask = size - 1;
        for (var row = 0; row < keys.Length; row++)
        {
            var key = keys[row] == Empty ? ZeroSubstitute : keys[row];
            var slot = Slot(key);
            while (_keys[slot] != Empty)
            {
                if (_keys[slot] == key)
                    throw new ArgumentException("Keys must be distinct.", nameof(keys));
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _rows[slot] = row;
        }

        Count = keys.Length;
    }

    public int Count { get; }

    /// <summary>The number of slots: <see cref="FindSlot"/> answers below it.</summary>
    public int Capacity => _keys.Length;

    /// <summary>The row of <paramref name="key"/>, or -1 when it is absent.</summary>
    public int Find(ulong key)
    {
        var slot = FindSlot(key);
        return slot < 0 ? -1 : _rows[slot];
    }

    /// <summary>
    /// The slot that holds <paramref name="key"/>, or -1: a caller that lays its values out by slot reads them
    /// without the row indirection (one memory access fewer per lookup).
    /// </summary>
    public int FindSlot(ulong key)
    {
        if (key == Empty)
            key = ZeroSubstitute;
        var slot = Slot(key);
        while (true)
        {
            var k = _keys[slot];
            if (k == key)
                return slot;
            if (k == Empty)
                return -1;
            slot = (slot + 1) & _mask;
        }
    }

    // Fibonacci hashing spreads keys whose low bits agree (packed characters) over the whole table.
    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15) >> 32) & _mask;
}
