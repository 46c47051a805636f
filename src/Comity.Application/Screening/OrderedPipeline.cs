namespace Comity.Application.Screening;

/// <summary>Runs a function over a stream of items on every core and yields the results in input order, with at most
/// <c>window</c> items in flight: one thread reads the input (readers are not thread-safe), the workers take items as
/// they come and never wait for one another, and the caller receives each result as soon as every earlier one is done.</summary>
/// <remarks>Memory is bounded by the window whatever the input's length. An exception of the input or of a worker stops
/// the reader and is rethrown to the caller once every result before it has been delivered: the input's after every item
/// it gave, a worker's after every item before the one it failed on (the earliest such item when several fail). No item
/// read before the failure is lost. Abandoning the enumeration early (or cancelling) stops the reader and the
/// workers.</remarks>
internal sealed class OrderedPipeline<TItem, TResult> : IDisposable
{
    private readonly Func<TItem, TResult> _work;
    private readonly int _window;
    private readonly (TItem Item, TResult Result, bool Ready)[] _slots;
    private readonly SemaphoreSlim _free;
    private readonly object _lock = new();
    private readonly Queue<(long Seq, TItem Item)> _queue = new();
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenSource _halt;
    private long _produced;
    private bool _inputDone;
    private Exception? _failure;
    private long _failureSeq = long.MaxValue;

    private OrderedPipeline(Func<TItem, TResult> work, int window, CancellationToken cancellationToken)
    {
        _work = work;
        _window = window;
        _slots = new (TItem, TResult, bool)[window];
        _free = new SemaphoreSlim(window, window);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _halt = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
    }

    /// <summary>The results of <paramref name="work"/> over <paramref name="items"/>, in order.</summary>
    public static IEnumerable<(TItem Item, TResult Result)> Run(IEnumerable<TItem> items, Func<TItem, TResult> work, int workers, int window,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, workers);
        using var pipeline = new OrderedPipeline<TItem, TResult>(work, window, cancellationToken);
        foreach (var r in pipeline.Results(items, workers))
        {
            yield return r;
        }
    }

    private IEnumerable<(TItem, TResult)> Results(IEnumerable<TItem> items, int workers)
    {
        var producer = Task.Factory.StartNew(() => Produce(items), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var consumers = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            consumers[w] = Task.Factory.StartNew(Consume, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        try
        {
            for (long next = 0; ; next++)
            {
                (TItem Item, TResult Result) ready;
                lock (_lock)
                {
                    while (true)
                    {
                        ref var slot = ref _slots[next % _window];
                        if (slot.Ready)
                        {
                            ready = (slot.Item, slot.Result);
                            slot = default;
                            break;
                        }

                        if (_failure is not null && next >= _failureSeq)
                        {
                            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_failure).Throw();
                        }

                        if (_inputDone && next >= _produced)
                        {
                            yield break;
                        }

                        _stop.Token.ThrowIfCancellationRequested();
                        Monitor.Wait(_lock, 100);
                    }
                }

                _free.Release();
                yield return ready;
            }
        }
        finally
        {
            _stop.Cancel();
            lock (_lock)
            {
                Monitor.PulseAll(_lock);
            }

            Task.WaitAll([producer, .. consumers], TimeSpan.FromSeconds(30));
        }
    }

    private void Produce(IEnumerable<TItem> items)
    {
        try
        {
            foreach (var item in items)
            {
                _free.Wait(_halt.Token);
                lock (_lock)
                {
                    _queue.Enqueue((_produced++, item));
                    Monitor.PulseAll(_lock);
                }
            }
        }
        catch (OperationCanceledException) when (_halt.IsCancellationRequested)
        {
            // Stopped by the caller or by a worker's failure.
        }
        catch (Exception e)
        {
            long seq;
            lock (_lock)
            {
                seq = _produced;
            }

            Fail(e, seq);
        }
        finally
        {
            lock (_lock)
            {
                _inputDone = true;
                Monitor.PulseAll(_lock);
            }
        }
    }

    private void Consume()
    {
        try
        {
            while (true)
            {
                (long Seq, TItem Item) job;
                lock (_lock)
                {
                    while (_queue.Count == 0)
                    {
                        if (_inputDone || _stop.IsCancellationRequested)
                        {
                            return;
                        }

                        Monitor.Wait(_lock, 100);
                    }

                    job = _queue.Dequeue();
                    if (job.Seq >= _failureSeq)
                    {
                        // Behind a failure: the caller never receives it.
                        continue;
                    }
                }

                TResult result;
                try
                {
                    result = _work(job.Item);
                }
                catch (Exception e)
                {
                    Fail(e, job.Seq);
                    continue;
                }

                lock (_lock)
                {
                    _slots[job.Seq % _window] = (job.Item, result, true);
                    Monitor.PulseAll(_lock);
                }
            }
        }
        catch (Exception e)
        {
            Fail(e, 0);
        }
    }

    /// <summary>Records a failure at <paramref name="seq"/> (the earliest one wins) and stops the reader; the workers
    /// finish the items before it.</summary>
    private void Fail(Exception e, long seq)
    {
        lock (_lock)
        {
            if (_failure is null || seq < _failureSeq)
            {
                _failure = e;
                _failureSeq = seq;
            }

            Monitor.PulseAll(_lock);
        }

        _halt.Cancel();
    }

    public void Dispose()
    {
        _halt.Dispose();
        _stop.Dispose();
        _free.Dispose();
    }
}
