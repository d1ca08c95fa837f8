package dev.nemo;

/**
 * A failure the user can act on: its message is printed as one line on stderr (plus optional
 * detail lines). Its {@link Kind} says whose fault it is; the CLI edge alone turns that into an
 * exit code. Never carries a secret.
 */
public class NemoException extends RuntimeException {
    /** Bad input on the command line, or a runtime failure (unreadable or corrupt file, lock busy, …). */
    public enum Kind { USAGE, FAILURE }

    private final Kind kind;

    public NemoException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** A runtime failure: unreadable or corrupt file, lock busy, unknown agent (exit 1). */
    public static NemoException failure(String message) {
        return new NemoException(Kind.FAILURE, message);
    }

    /** Bad input on the command line: option value, model ref, id (exit 64). */
    public static NemoException usage(String message) {
        return new NemoException(Kind.USAGE, message);
    }
}
