namespace Comity.Fuzz.Tests.Support;

/// <summary>How one fuzz case ended.</summary>
public enum Outcome
{
    /// <summary>A result (possibly with diagnostics or per-row errors).</summary>
    Result,

    /// <summary>The documented clean error (e.g. <c>ListFormatException</c>, a 4xx problem).</summary>
    CleanError,
}

/// <summary>Runs one fuzz case on its own thread with a deadline and an allocation bound, and fails with the case's
/// description when it hangs, allocates without bound or throws anything but the documented error types.</summary>
public static class Bounded
{
    /// <summary>A case that does not end within this time is a hang (generous: the machine's 2 cores are shared).</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    /// <summary>Runs <paramref name="work"/>; <paramref name="clean"/> says which exceptions are the documented error.
    /// <paramref name="maxAllocatedBytes"/> bounds what the case's thread may allocate.</summary>
    public static Outcome Run(string description, Func<Outcome> work, Func<Exception, bool> clean, long maxAllocatedBytes)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(clean);
        Outcome outcome = default;
        Exception? failure = null;
        long allocated = 0;
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                outcome = work();
            }
            catch (Exception e) when (clean(e))
            {
                outcome = Outcome.CleanError;
            }
            catch (Exception e)
            {
                failure = e;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        })
        {
            IsBackground = true,
            Name = "fuzz case",
        };
        thread.Start();
        if (!thread.Join(Deadline))
        {
            Assert.Fail($"{description}: no result after {Deadline.TotalSeconds:0} s (a hang)");
        }

        if (failure is not null)
        {
            Assert.Fail($"{description}: unhandled {failure.GetType().Name}: {failure.Message}\n{failure}");
        }

        Assert.True(allocated <= maxAllocatedBytes, $"{description}: allocated {allocated / 1048576.0:0.0} MB, beyond the bound {maxAllocatedBytes / 1048576.0:0.0} MB");
        return outcome;
    }
}
