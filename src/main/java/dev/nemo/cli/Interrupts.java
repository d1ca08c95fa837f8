package dev.nemo.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a long run: instead of the JVM's immediate exit, run {@code onInterrupt} so the
 * command can stop cleanly and still print what finished. Restores the previous handler on close.
 */
public final class Interrupts implements AutoCloseable {
    private final Signal signal = new Signal("INT");
    private final SignalHandler previous;

    private Interrupts(Runnable onInterrupt) {
        previous = Signal.handle(signal, s -> onInterrupt.run());
    }

    public static Interrupts on(Runnable onInterrupt) {
        return new Interrupts(onInterrupt);
    }

    @Override
    public void close() {
        Signal.handle(signal, previous);
    }
}
