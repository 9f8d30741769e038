namespace Suanbei.Labels;

/// <summary>
/// Work on many independent files at once, shared by the folder verify of the label programs and the C library's
/// batch verify: each index is taken by whichever thread is free next, so one slow file does not hold up a fixed share.
/// </summary>
public static class ParallelFiles
{
    /// <summary>Fewer files than this per thread are verified on the calling thread alone: starting a thread costs
    /// about what verifying a few small files does (BENCHMARKS.md, the 1,000-file run on one and two threads).</summary>
    private const int MinFilesPerExtraThread = 8;

    /// <summary>The threads worth starting for <paramref name="files"/> files: one per processor at most.</summary>
    public static int ThreadsFor(int files) => Math.Clamp(files / MinFilesPerExtraThread, 1, Environment.ProcessorCount);

    /// <summary>Runs <paramref name="work"/>(index, thread) for every index below <paramref name="count"/> on this
    /// thread and <paramref name="threads"/> − 1 new ones (thread numbers 0 … threads − 1), and waits for all. Plain
    /// threads rather than Parallel.For: in a run this short, starting the thread pool cost more (≈ 7 ms for 1,000
    /// images) than the threads do. <paramref name="work"/> must not throw on the new threads.</summary>
    public static void Run(int count, int threads, Action<int, int> work)
    {
        var next = -1;
        void Loop(int thread)
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) work(i, thread);
        }
        var started = new Thread[Math.Max(threads, 1) - 1];
        for (var t = 0; t < started.Length; t++)
        {
            var number = t + 1;
            started[t] = new Thread(() => Loop(number)) { IsBackground = true, Name = "verify" };
            started[t].Start();
        }
        Loop(0);
        foreach (var t in started) t.Join();
    }
}
