package dev.nemo.probe;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code --probe-mode}: how a credential is checked. {@code completion} sends one tiny completion
 * (the default, and the only way to know a model answers); {@code free} calls the provider's
 * zero-token endpoint (a model list, key info, balance or whoami; see {@link FreeChecks});
 * {@code auto} uses the free check where the provider has one and a completion elsewhere.
 */
public enum ProbeMode {
    COMPLETION("completion"), FREE("free"), AUTO("auto");

    private final String wireName;

    ProbeMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ProbeMode> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }

    /** {@code completion, free, auto}: for error messages. */
    public static String choices() {
        return Arrays.stream(values()).map(ProbeMode::wireName).collect(Collectors.joining(", "));
    }
}
