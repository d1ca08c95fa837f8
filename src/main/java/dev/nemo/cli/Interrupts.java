package dev.nemo.cli;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM (what {@code timeout}, CI cancellation and container stops send)
 * during a long run: instead of the JVM's immediate exit, the command's handler runs so it can
 * stop cleanly and still print what finished; {@link #exitCode()} then says which signal came.
 * Closing the registration restores what was there before. Where the interrupt comes from is the
 * {@link Invocation}'s business: signals for the launched process, the test itself for an
 * in-process run.
 */
public interface Interrupts extends AutoCloseable {

    @Override
    void close();

    /** 130 after SIGINT (or an in-process Ctrl-C), 143 after SIGTERM (128 + the signal number, as shells report them); 130 when none came. */
    int exitCode();

    /** Runs {@code onInterrupt} on this process's SIGINT and SIGTERM until closed. */
    static Interrupts onSignal(Runnable onInterrupt) {
        return new Signals(onInterrupt);
    }

    /** The launched process's handlers for SIGINT and SIGTERM. */
    final class Signals implements Interrupts {
        private final Signal interrupt = new Signal("INT");
        private final Signal terminate = new Signal("TERM");
        private final SignalHandler previousInterrupt;
        private final SignalHandler previousTerminate;
        private final AtomicInteger exitCode = new AtomicInteger();

        private Signals(Runnable onInterrupt) {
            previousInterrupt = Signal.handle(interrupt, s -> stop(ExitCodes.INTERRUPTED, onInterrupt));
            previousTerminate = Signal.handle(terminate, s -> stop(ExitCodes.TERMINATED, onInterrupt));
        }

        private void stop(int code, Runnable onInterrupt) {
            exitCode.compareAndSet(0, code); // the first signal decides
            onInterrupt.run();
        }

        @Override
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
}
