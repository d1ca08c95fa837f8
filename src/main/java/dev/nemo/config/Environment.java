package dev.nemo.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The process environment, captured once per run and passed down, so that nothing reads
 * {@code System.getenv} in static initialisers (native images freeze those at build time).
 */
public record Environment(Map<String, String> vars) {

    public static Environment current() {
        return new Environment(System.getenv());
    }

    /** The trimmed value of {@code name}, or null when unset or blank. */
    public String get(String name) {
        String value = vars.get(name);
        if (value == null) {
            return null;
        }
        value = value.trim();
        return value.isEmpty() ? null : value;
    }

    public boolean isSet(String name) {
        return get(name) != null;
    }

    public Path home() {
        String home = get("HOME");
        return Path.of(home != null ? home : System.getProperty("user.home"));
    }

    /** Expands a leading {@code ~} to the home directory. */
    public Path expand(String path) {
        if (path.equals("~")) {
            return home();
        }
        if (path.startsWith("~/")) {
            return home().resolve(path.substring(2));
        }
        return Path.of(path);
    }
}
