namespace GhgReporting.Api.Submissions;

/// <summary>
/// The fingerprints of the rows seen so far in one upload, with the row each was first seen in: an
/// open-addressing table of 64-bit hashes, 12 bytes a slot. A general dictionary of 128-bit keys took about
/// 100 MB at its largest for a million rows (entries of 32 bytes, and the old and new arrays both alive while
/// it grows); this takes 25 MB. Two different rows share a 64-bit hash with a probability of about 3e-8 in a
/// million-row file; such a pair would be reported as a duplicate, which the uploader can see is not one.
/// </summary>
internal sealed class RowFingerprints
{
    private ulong[] _keys = new ulong[1024];
    private int[] _rows = new int[1024];
    private int _count;

    /// <summary>Adds the fingerprint; returns the row it was first seen in, or 0 when it is new.</summary>
    public int AddOrGetFirst(ulong fingerprint, int row)
    {
        if (fingerprint == 0) fingerprint = 1; // 0 marks an empty slot
        if ((_count + 1) * 10 > _keys.Length * 7) Grow();
        var mask = _keys.Length - 1;
        var i = (int)(fingerprint & (ulong)mask);
        while (_keys[i] != 0)
        {
            if (_keys[i] == fingerprint) return _rows[i];
            i = (i + 1) & mask;
        }
        _keys[i] = fingerprint;
        _rows[i] = row;
        _count++;
        return 0;
    }

    private void Grow()
    {
        var keys = _keys;
        var rows = _rows;
        _keys = new ulong[keys.Length * 2];
        _rows = new int[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var j = 0; j < keys.Length; j++)
        {
            if (keys[j] == 0) continue;
            var i = (int)(keys[j] & (ulong)mask);
            while (_keys[i] != 0) i = (i + 1) & mask;
            _keys[i] = keys[j];
            _rows[i] = rows[j];
        }
    }
}
