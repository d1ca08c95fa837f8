package dev.nemo.probe;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of a probe run as they become known, in the order the finished run lists them: the
 * pre-flight rows, then each executed probe once it and every probe before it have finished.
 * Lets output stream a 50,000-row run while it goes on, rather than render it all after the
 * last answer. The batch thread fills it; one reader iterates, waiting for the next row until
 * the run has ended (targets Ctrl-C stopped are then skipped).
 */
public final class ProbeRows {
    private final List<ProbeResult> preflight;
    private final ProbeResult[] executed;
    private final ProbeRun.Options options;
    private long startedAt;
    private boolean ended;

    ProbeRows(List<ProbeResult> preflight, int targets, ProbeRun.Options options) {
        this.preflight = List.copyOf(preflight);
        this.executed = new ProbeResult[targets];
        this.options = options;
    }

    synchronized void started(long at) {
        startedAt = at;
        notifyAll();
    }

    synchronized void finished(int index, ProbeResult row) {
        executed[index] = row;
        notifyAll();
    }

    /** No more rows will come: the run finished, was cancelled or failed. */
    synchronized void ended() {
        ended = true;
        notifyAll();
    }

    /**
     * The run as far as it is known once the probes have started (waits for that): the fields
     * before {@code results}, which JSON output writes ahead of the rows.
     */
    public synchronized ProbeRun header() {
        while (startedAt == 0 && !ended) {
            await();
        }
        return new ProbeRun(startedAt, executed.length, options, List.of(), null, null, 0, 0);
    }

    /**
     * The rows in order; {@code beforeWaiting} runs each time the next row is not known yet (e.g.
     * to flush what was written so far to a reader that is watching).
     */
    public Iterable<ProbeResult> inOrder(Runnable beforeWaiting) {
        return () -> new Iterator<>() {
            private int next; // over preflight, then executed
            private ProbeResult ready;

            @Override
            public boolean hasNext() {
                if (ready == null) {
                    ready = take();
                }
                return ready != null;
            }

            @Override
            public ProbeResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ProbeResult row = ready;
                ready = null;
                return row;
            }

            private ProbeResult take() {
                if (next < preflight.size()) {
                    return preflight.get(next++);
                }
                boolean flushed = false;
                while (true) {
                    synchronized (ProbeRows.this) {
                        while (next - preflight.size() < executed.length) {
                            ProbeResult row = executed[next - preflight.size()];
                            if (row != null) {
                                next++;
                                return row;
                            }
                            if (ended) {
                                next++; // a target Ctrl-C stopped: it has no row
                            } else if (flushed) {
                                await();
                            } else {
                                break;
                            }
                        }
                        if (next - preflight.size() >= executed.length) {
                            return null;
                        }
                    }
                    // Outside the lock: a slow reader of the output never holds up the batch thread.
                    beforeWaiting.run();
                    flushed = true;
                }
            }
        };
    }

    private void await() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for probe rows", e);
        }
    }
}
