package dev.nemo.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a long run: instead of the JVM's immediate exit, the command's handler runs so it
 * can stop cleanly and still print what finished. Closing the registration restores what was
 * there before. Where Ctrl-C comes from is the {@link Invocation}'s business: SIGINT for the
 * launched process, the test itself for an in-process run.
 */
public interface Interrupts extends AutoCloseable {

    @Override
    void close();

    /** Runs {@code onInterrupt} on this process's SIGINT until closed. */
    static Interrupts onSignal(Runnable onInterrupt) {
        Signal signal = new Signal("INT");
        SignalHandler previous = Signal.handle(signal, s -> onInterrupt.run());
        return () -> Signal.handle(signal, previous);
    }
}
