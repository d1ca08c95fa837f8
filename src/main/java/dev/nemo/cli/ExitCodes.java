package dev.nemo.cli;

import dev.nemo.NemoException;
import dev.nemo.probe.Health;

/** The documented exit codes (README "Exit codes"). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int WARNING = 2;
    public static final int USAGE = 64;
    public static final int INTERRUPTED = 130;
    /** SIGTERM during probes or a scan: stopped like Ctrl-C, reported as the signal (128 + 15). */
    public static final int TERMINATED = 143;

    private ExitCodes() {
    }

    /** The one place a check's verdict becomes an exit code. */
    public static int of(Health health) {
        return switch (health) {
            case HEALTHY -> OK;
            case WARNING -> WARNING;
            case FAILING -> FAILURE;
        };
    }

    public static int of(NemoException.Kind kind) {
        return kind == NemoException.Kind.USAGE ? USAGE : FAILURE;
    }
}
