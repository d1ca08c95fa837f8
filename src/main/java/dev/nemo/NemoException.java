package dev.nemo;

/**
 * A failure the user can act on: its message is printed as one line on stderr (plus optional
 * detail lines) and the command exits with {@link #exitCode()}. Never carries a secret.
 */
public class NemoException extends RuntimeException {
    private final int exitCode;

    public NemoException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public NemoException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** A runtime failure: unreadable or corrupt file, lock busy, unknown agent (exit 1). */
    public static NemoException failure(String message) {
        return new NemoException(ExitCodes.FAILURE, message);
    }

    /** Bad input on the command line: option value, model ref, id (exit 64). */
    public static NemoException usage(String message) {
        return new NemoException(ExitCodes.USAGE, message);
    }
}
