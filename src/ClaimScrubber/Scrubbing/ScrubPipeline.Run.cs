using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace ClaimScrubber;

public sealed partial class ScrubPipeline
{
    /// <summary>
    /// One enumeration of a pipeline. The reading thread cuts the source into batches and puts each into two channels:
    /// <c>ordered</c>, which the consumer reads in input order and whose bound is the backpressure, and <c>work</c>, from
    /// which the scrubbing threads take batches in turn. The consumer waits for the batch at the head of <c>ordered</c> to
    /// be scrubbed; batches after it may already be done, which is how order is kept without a merge.
    /// </summary>
    /// <remarks>
    /// The reading and scrubbing threads are dedicated threads that block while they wait: the scrubbing is CPU-bound and
    /// the source's reading is blocking I/O, and neither must depend on a free thread-pool thread to make progress. Every
    /// batch taken from <c>work</c> is completed (scrubbed, or failed with the exception of its claim) unless the run
    /// is stopping, so the consumer never waits for a batch nobody holds.
    /// </remarks>
    private sealed class Run<TIn, TOut> : IDisposable, IAsyncDisposable
        where TIn : class
    {
        private readonly IEnumerable<TIn> source;
        private readonly Func<TIn, TOut> scrub;
        private readonly Func<TIn, string> idOf;
        private readonly int batchSize;
        private readonly int threads;
        private readonly CancellationToken cancellationToken;
        private readonly CancellationTokenSource stop;
        private readonly Channel<Batch> ordered;
        private readonly Channel<Batch> work;
        private Task[]? running;
        private bool disposed;

        public Run(IEnumerable<TIn> source, Func<TIn, TOut> scrub, Func<TIn, string> idOf, ScrubPipelineOptions options, CancellationToken cancellationToken)
        {
            this.source = source;
            this.scrub = scrub;
            this.idOf = idOf;
            this.cancellationToken = cancellationToken;
            batchSize = options.BatchSize;
            threads = options.MaxDegreeOfParallelism;
            stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            // The consumer's continuations may run any code, so they never run on the reading thread.
            ordered = Channel.CreateBounded<Batch>(new BoundedChannelOptions(options.BatchesInFlight)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });

            // Only the scrubbing threads wait on this channel, blocked, so waking them inline is cheaper than a thread-pool
            // hop. A batch leaves it before the consumer moves past that batch, so it never holds more than `ordered`
            // plus the batch the consumer waits for: writes to it never wait.
            work = Channel.CreateBounded<Batch>(new BoundedChannelOptions(options.BatchesInFlight + 1)
            {
                SingleReader = threads == 1,
                SingleWriter = true,
                AllowSynchronousContinuations = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }

        /// <summary>Waits for the next batch in input order to be scrubbed; <see langword="null"/> after the last.</summary>
        public Batch? NextBatch()
        {
            Start();
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                Batch? batch;
                while (!ordered.Reader.TryRead(out batch))
                {
                    if (!Wait(ordered.Reader.WaitToReadAsync(stop.Token)))
                    {
                        return null;
                    }
                }

                batch.Done.Task.Wait(stop.Token);
                return batch;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw;
            }
        }

        /// <summary>Waits for the next batch in input order to be scrubbed; <see langword="null"/> after the last.</summary>
        public async ValueTask<Batch?> NextBatchAsync()
        {
            Start();
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                Batch? batch;
                while (!ordered.Reader.TryRead(out batch))
                {
                    if (!await ordered.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false))
                    {
                        return null;
                    }
                }

                await batch.Done.Task.WaitAsync(stop.Token).ConfigureAwait(false);
                return batch;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw;
            }
        }

        /// <summary>Stops the threads and waits for them: the consumer left, finished or was cancelled.</summary>
        public void Dispose()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            stop.Cancel();
            if (running is not null)
            {
                // The threads catch what they meet, so waiting for them does not throw.
                Task.WaitAll(running);
            }

            stop.Dispose();
        }

        /// <inheritdoc cref="Dispose"/>
        public async ValueTask DisposeAsync()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            await stop.CancelAsync().ConfigureAwait(false);
            if (running is not null)
            {
                await Task.WhenAll(running).ConfigureAwait(false);
            }

            stop.Dispose();
        }

        /// <summary>Blocks a dedicated thread until a channel operation completes.</summary>
        private static bool Wait(ValueTask<bool> pending) => pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

        private static void Write(ChannelWriter<Batch> writer, Batch batch, CancellationToken token)
        {
            while (!writer.TryWrite(batch))
            {
                if (!Wait(writer.WaitToWriteAsync(token)))
                {
                    throw new InvalidOperationException("A scrub pipeline channel was closed while its reader was still writing.");
                }
            }
        }

        private static Task StartThread(Action action) =>
            Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);

        private void Start()
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (running is not null)
            {
                return;
            }

            running = new Task[threads + 1];
            running[0] = StartThread(ReadSource);
            for (var t = 1; t <= threads; t++)
            {
                running[t] = StartThread(ScrubBatches);
            }
        }

        /// <summary>The reading thread: enumerates the source into batches, in order, until it ends, fails or the run stops.</summary>
        private void ReadSource()
        {
            var batch = new Batch(1, batchSize);
            try
            {
                using var items = source.GetEnumerator();
                while (items.MoveNext())
                {
                    var item = items.Current ?? throw new InvalidOperationException("The source yielded a null claim.");
                    batch.Inputs[batch.Count++] = item;
                    if (batch.Count == batchSize)
                    {
                        Dispatch(batch);
                        batch = new Batch(batch.FirstPosition + batchSize, batchSize);
                    }

                    stop.Token.ThrowIfCancellationRequested();
                }

                if (batch.Count > 0)
                {
                    Dispatch(batch);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer left or was cancelled: nobody waits for what is left.
            }
            catch (Exception ex)
            {
                // The claims read before the failure are still scrubbed and handed out, then the failure itself.
                try
                {
                    if (batch.Count > 0)
                    {
                        Dispatch(batch);
                    }

                    Write(ordered.Writer, Batch.Faulted(batch.FirstPosition + batch.Count, ex), stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
            }
            finally
            {
                ordered.Writer.TryComplete();
                work.Writer.TryComplete();
            }
        }

        private void Dispatch(Batch batch)
        {
            Write(ordered.Writer, batch, stop.Token);
            Write(work.Writer, batch, stop.Token);
        }

        /// <summary>A scrubbing thread: takes batches until the source is exhausted or the run stops.</summary>
        private void ScrubBatches()
        {
            Batch? batch = null;
            try
            {
                while (Take(out batch))
                {
                    var i = 0;
                    for (; i < batch.Count; i++)
                    {
                        if (stop.IsCancellationRequested)
                        {
                            // Left incomplete on purpose: the consumer's wait for it is cancelled too.
                            return;
                        }

                        try
                        {
                            batch.Outputs[i] = scrub(batch.Inputs[i]);
                        }
                        catch (Exception ex)
                        {
                            batch.Fail(i, new ScrubPipelineException(batch.FirstPosition + i, idOf(batch.Inputs[i]), ex));
                            break;
                        }
                    }

                    batch.Done.TrySetResult();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                // Not expected: still complete the batch held, so that the consumer gets the error instead of waiting forever.
                if (batch is not null && !batch.Done.Task.IsCompleted)
                {
                    batch.Fail(0, ex);
                    batch.Done.TrySetResult();
                }
            }
        }

        private bool Take(out Batch batch)
        {
            while (!work.Reader.TryRead(out batch!))
            {
                if (!Wait(work.Reader.WaitToReadAsync(stop.Token)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Claims read together, their results, and when they are all scrubbed (or one failed).</summary>
        internal sealed class Batch
        {
            private ExceptionDispatchInfo? failure;

            public Batch(long firstPosition, int capacity)
            {
                FirstPosition = firstPosition;
                Inputs = new TIn[capacity];
                Outputs = new TOut[capacity];
            }

            /// <summary>Gets the 1-based position in the stream of the batch's first claim.</summary>
            public long FirstPosition { get; }

            public TIn[] Inputs { get; }

            public TOut[] Outputs { get; }

            /// <summary>Gets or sets how many claims the batch holds; after a failure, how many results precede it.</summary>
            public int Count { get; set; }

            /// <summary>Gets the completion the consumer waits for; completed, never faulted: a failure is kept apart.</summary>
            public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

            /// <summary>A batch holding only the exception the source threw after the claims before it.</summary>
            public static Batch Faulted(long position, Exception exception)
            {
                var batch = new Batch(position, 0);
                batch.Fail(0, exception);
                batch.Done.TrySetResult();
                return batch;
            }

            public void Fail(int index, Exception exception)
            {
                Count = index;
                failure = ExceptionDispatchInfo.Capture(exception);
            }

            public void ThrowIfFailed() => failure?.Throw();
        }
    }
}
