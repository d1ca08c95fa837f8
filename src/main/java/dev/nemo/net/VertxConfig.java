package dev.nemo.net;

import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;

/**
 * How nemo sets up a Vert.x: one worker and one internal blocking thread (nothing nemo runs on
 * them blocks), and no file resolving — nemo serves no files, and with classpath resolving on,
 * every Vert.x makes a {@code vertx-cache-*} directory in the shared temporary directory.
 */
public final class VertxConfig {
    private VertxConfig() {
    }

    /**
     * A run's Vert.x: up to 4 event loops, since probes are I/O-bound and TLS handshakes spread
     * over them.
     */
    public static VertxOptions forRun() {
        return options(Math.min(4, Runtime.getRuntime().availableProcessors() * 2));
    }

    /** One event loop, for a login's few requests. */
    public static VertxOptions forLogin() {
        return options(1);
    }

    private static VertxOptions options(int eventLoops) {
        return new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(1).setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false));
    }
}
