package dev.nemo.cli;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM (what {@code timeout}, CI cancellation and container stops send)
 * during a long run: instead of the JVM's immediate exit, run {@code onInterrupt} so the command
 * can stop cleanly and still print what finished; {@link #exitCode()} then says which signal came.
 * Restores the previous handlers on close.
 */
public final class Interrupts implements AutoCloseable {
    private final Signal interrupt = new Signal("INT");
    private final Signal terminate = new Signal("TERM");
    private final SignalHandler previousInterrupt;
    private final SignalHandler previousTerminate;
    private final AtomicInteger exitCode = new AtomicInteger();

    private Interrupts(Runnable onInterrupt) {
        previousInterrupt = Signal.handle(interrupt, s -> stop(ExitCodes.INTERRUPTED, onInterrupt));
        previousTerminate = Signal.handle(terminate, s -> stop(ExitCodes.TERMINATED, onInterrupt));
    }

    public static Interrupts on(Runnable onInterrupt) {
        return new Interrupts(onInterrupt);
    }

    private void stop(int code, Runnable onInterrupt) {
        exitCode.compareAndSet(0, code); // the first signal decides
        onInterrupt.run();
    }

    /** 130 after SIGINT, 143 after SIGTERM (128 + the signal number, as shells report them); 130 when none came. */
    public int exitCode() {
        int code = exitCode.get();
        return code == 0 ? ExitCodes.INTERRUPTED : code;
    }

    @Override
    public void close() {
        Signal.handle(interrupt, previousInterrupt);
        Signal.handle(terminate, previousTerminate);
    }
}
