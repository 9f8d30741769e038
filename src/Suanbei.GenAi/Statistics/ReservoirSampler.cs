namespace Suanbei.GenAi.Statistics;

/// <summary>
/// A seeded uniform sample of k items from a stream of unknown length in O(k) memory (Li's algorithm L: it computes
/// how many items to skip, so only about k·(1 + ln(n/k)) items are ever materialised).
/// </summary>
public sealed class ReservoirSampler<T>
{
    private readonly T[] _reservoir;
    private readonly Random _random;
    private long _seen;
    private long _next;
    private double _w;

    public ReservoirSampler(int size, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        _reservoir = new T[size];
        _random = new Random(seed);
        _w = Math.Exp(Math.Log(NextOpen()) / size);
        _next = size + Skip();
    }

    /// <summary>Items offered so far.</summary>
    public long Seen => _seen;

    /// <summary>Whether the next offered item would be kept: callers skip building items that would be dropped.</summary>
    public bool WantsNext => _seen < _reservoir.Length || _seen == _next;

    /// <summary>Offers the next item (dropped unless <see cref="WantsNext"/>).</summary>
    public void Offer(T item)
    {
        if (_seen < _reservoir.Length) _reservoir[_seen] = item;
        else if (_seen == _next)
        {
            _reservoir[_random.Next(_reservoir.Length)] = item;
            _w *= Math.Exp(Math.Log(NextOpen()) / _reservoir.Length);
            _next += 1 + Skip();
        }
        _seen++;
    }

    /// <summary>Counts an item that is not wanted without building it (call only when <see cref="WantsNext"/> is false).</summary>
    public void Pass() => _seen++;

    /// <summary>The index (in offer order) of the next item that will be kept.</summary>
    public long NextWanted => _seen < _reservoir.Length ? _seen : _next;

    /// <summary>Counts <paramref name="count"/> items that are not wanted without building them (all before
    /// <see cref="NextWanted"/>): a caller that can count items cheaply jumps to the next kept one.</summary>
    public void Pass(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_seen + count, NextWanted);
        _seen += count;
    }

    /// <summary>The sample, in reservoir order (fewer than k items when the stream was shorter).</summary>
    public IReadOnlyList<T> Items => _reservoir.Take((int)Math.Min(_seen, _reservoir.Length)).ToList();

    private long Skip() => (long)Math.Floor(Math.Log(NextOpen()) / Math.Log(1 - _w));

    private double NextOpen()
    {
        double u;
        do u = _random.NextDouble(); while (u == 0);
        return u;
    }
}
