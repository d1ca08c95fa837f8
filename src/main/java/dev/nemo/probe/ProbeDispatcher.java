package dev.nemo.probe;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Starts jobs as slots free up: at most {@code concurrency} in flight in all, and with a
 * {@code perProvider} limit at most that many per provider. A job waiting for its provider's slot
 * holds no global slot, and providers with waiting jobs take turns, so two providers' probes run
 * side by side rather than one after the other. Without a per-provider limit jobs start in order.
 *
 * <p>Each {@link #run} is one batch: a stream of each job's result as it finishes, completed when
 * every job has finished or when the batch is {@linkplain Batch#cancel() cancelled} (then the jobs
 * in flight are cancelled, and no others start).
 */
final class ProbeDispatcher {
    /** One finished job: its position in the batch and what it came to. */
    record Finished<T>(int index, T result) {
    }

    private final int concurrency;
    private final int perProvider;

    ProbeDispatcher(int concurrency, int perProvider) {
        this.concurrency = Math.max(1, concurrency);
        this.perProvider = perProvider;
    }

    /**
     * A batch of {@code providers.size()} jobs; {@code job.apply(i)} is subscribed when job i gets
     * its slots, so its own timeout starts then. A job's Uni must not fail (failures are results);
     * if one does, the stream fails.
     */
    <T> Batch<T> batch(List<String> providers, IntFunction<Uni<T>> job) {
        return new Batch<>(providers, job);
    }

    final class Batch<T> {
        private final IntFunction<Uni<T>> job;
        private final List<String> providerOf;
        /** Waiting jobs per provider (one queue under the key "" without a per-provider limit), in turn order. */
        private final LinkedHashMap<String, ArrayDeque<Integer>> waiting = new LinkedHashMap<>();
        private final Map<String, Integer> running = new HashMap<>();
        private final Map<Integer, Cancellable> inFlight = new HashMap<>();
        private final BitSet done = new BitSet();
        private int inFlightCount;
        private int unfinished;
        private boolean stopped;
        private MultiEmitter<? super Finished<T>> emitter;

        private Batch(List<String> providers, IntFunction<Uni<T>> job) {
            this.job = job;
            this.providerOf = providers;
            this.unfinished = providers.size();
            for (int i = 0; i < providers.size(); i++) {
                waiting.computeIfAbsent(queueKey(i), k -> new ArrayDeque<>()).add(i);
            }
        }

        /** The results as jobs finish; subscribe once. */
        Multi<Finished<T>> results() {
            return Multi.createFrom().emitter(e -> {
                synchronized (this) {
                    emitter = e;
                    if (stopped || unfinished == 0) {
                        e.complete(); // cancelled before it began, or nothing to do: nothing is started
                        return;
                    }
                }
                e.onTermination(this::cancel);
                pump();
            });
        }

        /** Starts no more jobs and cancels those in flight; the stream completes. Safe from any thread, any time. */
        void cancel() {
            stop(null);
        }

        private String queueKey(int index) {
            return perProvider > 0 ? providerOf.get(index) : "";
        }

        private void pump() {
            List<Integer> toStart = new ArrayList<>();
            synchronized (this) {
                while (!stopped && inFlightCount < concurrency) {
                    Integer next = nextReady();
                    if (next == null) {
                        break;
                    }
                    inFlightCount++;
                    running.merge(queueKey(next), 1, Integer::sum);
                    toStart.add(next);
                }
            }
            for (int index : toStart) {
                start(index);
            }
        }

        /** The next job whose provider has a free slot, taking providers in turn; null when none. */
        private Integer nextReady() {
            var it = waiting.entrySet().iterator();
            while (it.hasNext()) {
                var entry = it.next();
                if (perProvider > 0 && running.getOrDefault(entry.getKey(), 0) >= perProvider) {
                    continue;
                }
                Integer index = entry.getValue().poll();
                it.remove();
                if (!entry.getValue().isEmpty()) {
                    waiting.put(entry.getKey(), entry.getValue()); // to the back: the next provider's turn
                }
                return index;
            }
            return null;
        }

        private void start(int index) {
            Uni<T> uni;
            try {
                uni = job.apply(index);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            Cancellable c = uni.subscribe().with(result -> finished(index, result), this::fail);
            boolean cancelNow;
            synchronized (this) {
                cancelNow = stopped;
                // The result may have arrived already, before subscribe() returned.
                if (!cancelNow && !done.get(index)) {
                    inFlight.put(index, c);
                }
            }
            if (cancelNow) {
                c.cancel();
            }
        }

        private void finished(int index, T result) {
            synchronized (this) {
                if (stopped) {
                    return;
                }
                done.set(index);
                inFlight.remove(index);
                inFlightCount--;
                running.merge(queueKey(index), -1, Integer::sum);
                // Emitted under the lock: the last result can never overtake another on its way out.
                emitter.emit(new Finished<>(index, result));
                if (--unfinished == 0) {
                    emitter.complete();
                    return;
                }
            }
            pump();
        }

        private void fail(Throwable failure) {
            stop(failure);
        }

        /** Stops once: the stream completes (or fails with {@code failure}), and what is in flight is cancelled outside the lock. */
        private void stop(Throwable failure) {
            List<Cancellable> toCancel;
            synchronized (this) {
                if (stopped) {
                    return;
                }
                stopped = true;
                toCancel = new ArrayList<>(inFlight.values());
                inFlight.clear();
                if (failure != null) {
                    emitter.fail(failure);
                } else if (emitter != null) {
                    emitter.complete();
                }
            }
            toCancel.forEach(Cancellable::cancel);
        }
    }
}
