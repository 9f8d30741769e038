namespace Suanbei.Labels;

/// <summary>
/// Work on many independent files at once, shared by the folder verify of the label programs and the C library's
/// batch verify: indexes are taken in small runs by whichever thread is free next, so one slow file does not hold up a
/// fixed share, while neighbouring results (written by index) mostly come from one thread, not from both in turn.
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
        var shared = new Batch(count, threads, work);
        var started = new Thread[Math.Max(threads, 1) - 1];
        for (var t = 0; t < started.Length; t++)
        {
            var number = t + 1;
            started[t] = new Thread(() => shared.Loop(number)) { IsBackground = true, Name = "verify" };
            started[t].Start();
        }
        shared.Loop(0);
        foreach (var t in started) t.Join();
    }

    /// <summary><see cref="Run"/> on helper threads started once and kept for the process's life, for a caller that runs
    /// batch after batch (the C library's batch verify): a batch then costs no thread start. One batch uses the
    /// helpers at a time; a caller that finds them busy with another caller's batch starts its own threads, as
    /// <see cref="Run"/> does, so concurrent callers are safe and none waits for another.</summary>
    public static void RunOnHelpers(int count, int threads, Action<int, int> work)
    {
        if (threads <= 1) { new Batch(count, 1, work).Loop(0); return; }
        if (!HelpersGate.TryEnter()) { Run(count, threads, work); return; }
        try
        {
            s_helpers ??= new Helpers(Environment.ProcessorCount - 1);
            s_helpers.Run(new Batch(count, Math.Min(threads, s_helpers.Count + 1), work));
        }
        finally { HelpersGate.Exit(); }
    }

    private static readonly Lock HelpersGate = new();
    private static Helpers? s_helpers;

    /// <summary>One batch's shared state: the next index to hand out and the work.</summary>
    private sealed class Batch(int count, int threads, Action<int, int> work)
    {
        /// <summary>Indexes taken at a time: a few per thread's share of the batch (the last run of the slowest thread
        /// is the most the threads can end apart), at most 16.</summary>
        private readonly int _grain = Math.Clamp(count / (Math.Max(threads, 1) * 32), 1, 16);
        private int _next;

        public int Threads => Math.Max(threads, 1);

        public void Loop(int thread)
        {
            int start;
            while ((start = Interlocked.Add(ref _next, _grain) - _grain) < count)
            {
                var end = Math.Min(start + _grain, count);
                for (var i = start; i < end; i++) work(i, thread);
            }
        }
    }

    /// <summary>Helper threads that wait for a batch, take part in it and report when done.</summary>
    private sealed class Helpers
    {
        private readonly SemaphoreSlim[] _go;
        private readonly ManualResetEventSlim _done = new(false);
        private Batch? _batch;
        private int _running;

        public Helpers(int count)
        {
            _go = new SemaphoreSlim[count];
            for (var h = 0; h < count; h++)
            {
                _go[h] = new SemaphoreSlim(0);
                var number = h + 1;
                new Thread(() => Serve(number)) { IsBackground = true, Name = "verify-helper" }.Start();
            }
        }

        public int Count => _go.Length;

        /// <summary>Runs <paramref name="batch"/> on this thread and as many helpers as it has threads beyond one.</summary>
        public void Run(Batch batch)
        {
            var helpers = batch.Threads - 1;
            if (helpers == 0) { batch.Loop(0); return; }
            _batch = batch;
            _done.Reset();
            Volatile.Write(ref _running, helpers);
            for (var h = 0; h < helpers; h++) _go[h].Release();
            batch.Loop(0);
            _done.Wait();
            _batch = null; // holds no caller's work between batches
        }

        private void Serve(int number)
        {
            var go = _go[number - 1];
            while (true)
            {
                go.Wait();
                _batch!.Loop(number);
                if (Interlocked.Decrement(ref _running) == 0) _done.Set();
            }
        }
    }
}
