package dev.nemo.probe;

/**
 * What {@code --check} concludes: {@code FAILING} (a provider in use cannot work), {@code WARNING}
 * (transient trouble or a token about to expire) or {@code HEALTHY}. The CLI edge maps it to an
 * exit code ({@code ExitCodes.of}); nothing below the CLI knows exit codes.
 */
public enum Health {
    HEALTHY, WARNING, FAILING;

    /** The more severe of the two: failing beats warning beats healthy. */
    public Health worst(Health other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
