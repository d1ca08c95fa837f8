package dev.nemo.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The process environment and working directory, captured once per run and passed down, so that
 * nothing reads {@code System.getenv} in static initialisers (native images freeze those at build
 * time) and a test can run nemo in-process with an environment of its own.
 *
 * @param workingDir absolute; relative paths nemo is given resolve against it
 */
public record Environment(Map<String, String> vars, Path workingDir) {

    public Environment {
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** An environment in the process's working directory. */
    public Environment(Map<String, String> vars) {
        this(vars, Path.of("").toAbsolutePath());
    }

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
        return workingDir.resolve(home != null ? home : System.getProperty("user.home"));
    }

    /** Expands a leading {@code ~} to the home directory; a relative path is taken from the working directory. */
    public Path expand(String path) {
        if (path.equals("~")) {
            return home();
        }
        if (path.startsWith("~/")) {
            return home().resolve(path.substring(2));
        }
        return workingDir.resolve(path);
    }
}
