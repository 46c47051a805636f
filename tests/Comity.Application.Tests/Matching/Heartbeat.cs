using System.Diagnostics;

namespace Comity.Application.Tests.Matching;

/// <summary>Writes a line to the test output every <see cref="Period"/> while a long measurement runs, so the test
/// process never goes silent for long.
/// Why: xunit's VSTest adapter (xunit.runner.visualstudio 3.x) reads the test process's messages from its stdout on a
/// thread-pool reader and, when the process exits, waits for the "assembly finished" message only until the crash
/// detection timeout has passed since the *last message it received*. When the last test to finish ran silently for
/// longer than that (RecallTests ran ≈ 4 min with no output until its end), the wait is already over at exit: if the
/// process-exit notification beats the reader to the final lines, which a loaded 2-core machine makes likely, the
/// adapter reports "Catastrophic failure: Test process crashed with exit code 0" although every test passed and the
/// process exited normally. A heartbeat (each line is a live message) keeps the last message recent.</summary>
internal sealed class Heartbeat : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private readonly Timer _timer;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private bool _stopped;

    public Heartbeat(ITestOutputHelper output, string what) =>
        _timer = new Timer(_ =>
        {
            lock (_gate)
            {
                if (!_stopped)
                {
                    output.WriteLine($"{what}: running for {_watch.Elapsed.TotalSeconds:0} s");
                }
            }
        }, null, Period, Period);

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        _timer.Dispose();
    }
}
