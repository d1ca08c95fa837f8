package dev.nemo.output;

import dev.nemo.probe.ProbeEngine;
import dev.nemo.probe.ProbeStatus;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One self-rewriting line on stderr while probes run ({@code 12/200 · 1 failed · 3.4s}),
 * redrawn at most ten times a second. Only used when stderr is a terminal.
 */
public final class ProbeProgress implements ProbeEngine.Listener {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String label;
    private final int total;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong lastDraw = new AtomicLong();

    public ProbeProgress(PrintWriter err, int total) {
        this(err, "Probing auth profiles", total);
    }

    /** @param label what is being probed, e.g. {@code Probing models} */
    public ProbeProgress(PrintWriter err, String label, int total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    public void start() {
        draw(0);
    }

    @Override
    public void finished(ProbeStatus status) {
        int n = done.incrementAndGet();
        if (status != ProbeStatus.OK) {
            failed.incrementAndGet();
        }
        long now = System.nanoTime();
        long last = lastDraw.get();
        if (n == total || (now - last > REDRAW_NANOS && lastDraw.compareAndSet(last, now))) {
            draw(n);
        }
    }

    public synchronized void clear() {
        err.print("\r\033[K");
        err.flush();
    }

    private synchronized void draw(int n) {
        double seconds = (System.nanoTime() - start) / 1e9;
        err.print(String.format("\r\033[K%s… %d/%d · %d failed · %.1fs", label, n, total, failed.get(), seconds));
        err.flush();
    }
}
