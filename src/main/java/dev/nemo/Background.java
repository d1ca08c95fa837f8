package dev.nemo;

import java.util.concurrent.Executor;

/**
 * Work done on a daemon thread of its own while a command goes on (warming the HTTP stack,
 * preparing the redactor, building the status report): named for thread dumps, and never what
 * keeps the JVM of a finished run alive.
 */
public final class Background {
    private Background() {
    }

    /** An executor that runs each task on a new daemon thread called {@code name}. */
    public static Executor thread(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }
}
