package dev.nemo;

/** The documented exit codes (README "Exit codes"). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int WARNING = 2;
    public static final int USAGE = 64;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
