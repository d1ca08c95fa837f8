package dev.nemo.context;

import dev.nemo.net.VertxConfig;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one Vert.x of a command run, for HTTP that is not a capped probe (OAuth refresh, catalogue
 * fetch): created on first use, so a run without such HTTP starts none, and closed with the run.
 * Event loops are sized like the probe engine's (at most 4), so the engine can share it.
 */
public final class RunVertx implements Supplier<Vertx>, AutoCloseable {
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    private final Supplier<io.vertx.core.Vertx> shared;
    private Vertx vertx;

    /** A Vert.x of its own, created on first use and closed with the run. */
    public RunVertx() {
        this.shared = null;
    }

    /** The Vert.x {@code shared} gives (a probe run's, already starting): its owner closes it, not this. */
    public RunVertx(Supplier<io.vertx.core.Vertx> shared) {
        this.shared = shared;
    }

    @Override
    public synchronized Vertx get() {
        if (vertx == null && shared != null) {
            vertx = Vertx.newInstance(shared.get());
        } else if (vertx == null) {
            vertx = Vertx.vertx(VertxConfig.forRun());
        }
        return vertx;
    }

    /** Closes the Vert.x if one was started; waits at most 2 s, as nothing is left to say at that point. */
    @Override
    public synchronized void close() {
        if (vertx != null && shared == null) {
            try {
                vertx.close().await().atMost(CLOSE_WAIT);
            } catch (RuntimeException e) {
                // Closing at the end of a run: a slow shutdown must not fail a run that already finished.
            }
            vertx = null;
        }
    }
}
