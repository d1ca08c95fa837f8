package dev.nemo.output;

import dev.nemo.probe.ProbeEngine;
import dev.nemo.probe.ProbeStatus;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One self-rewriting line on stderr while probes run
 * ({@code Probing auth profiles… 12/200 · 16 in flight · 1 failed · 3.4s}), redrawn every
 * {@value #REDRAW_MS} ms by its own timer, so it moves while every probe in flight hangs. Only
 * used when stderr is a terminal.
 */
public final class ProbeProgress implements ProbeEngine.Listener, AutoCloseable {
    static final long REDRAW_MS = 200;

    private final PrintWriter err;
    private final String label;
    private final int total;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private ScheduledExecutorService timer;

    public ProbeProgress(PrintWriter err, int total) {
        this(err, "Probing auth profiles", total);
    }

    /** @param label what is being probed, e.g. {@code Probing models} */
    public ProbeProgress(PrintWriter err, String label, int total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    /** Draws the first line and starts the redraw timer. */
    public synchronized void start() {
        draw();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nemo-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::draw, REDRAW_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void started() {
        inFlight.incrementAndGet();
    }

    @Override
    public void finished(ProbeStatus status) {
        inFlight.decrementAndGet();
        done.incrementAndGet();
        if (status != ProbeStatus.OK) {
            failed.incrementAndGet();
        }
    }

    /** Stops the timer and wipes the line, so the results start on a clean line. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        err.print("\r\033[K");
        err.flush();
    }

    synchronized void draw() {
        double seconds = (System.nanoTime() - start) / 1e9;
        err.print(String.format("\r\033[K%s… %d/%d · %d in flight · %d failed · %.1fs", label, done.get(), total,
                Math.max(0, inFlight.get()), failed.get(), seconds));
        err.flush();
    }
}
