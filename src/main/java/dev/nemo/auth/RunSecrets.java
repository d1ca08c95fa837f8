package dev.nemo.auth;

/**
 * Every secret this process has read, for the last check the CLI edge makes on what it prints
 * about failures (error lines, warnings, {@code NEMO_DEBUG} traces): those can carry text of a
 * library's making that no redactor saw. One command runs per process, so one holder suffices;
 * it only ever learns more.
 */
public final class RunSecrets {
    private static volatile Redactor known = Redactor.none();

    private RunSecrets() {
    }

    /** Called where a run's redactor is prepared; the holder keeps the one that knows most (the latest). */
    public static void remember(Redactor redactor) {
        known = redactor;
    }

    /** A secret read outside a run context (standard input, a prompt). */
    public static synchronized void remember(String secret) {
        known = known.with(secret);
    }

    public static Redactor redactor() {
        return known;
    }
}
