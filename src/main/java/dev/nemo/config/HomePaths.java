package dev.nemo.config;

import java.nio.file.Path;

/** Paths for people: the home directory shown as {@code ~}. */
public final class HomePaths {
    private HomePaths() {
    }

    public static String display(Path path, Environment env) {
        Path home = env.home().toAbsolutePath().normalize();
        Path p = path.toAbsolutePath().normalize();
        if (p.equals(home)) {
            return "~";
        }
        return p.startsWith(home) && !home.toString().equals("/") ? "~/" + home.relativize(p) : p.toString();
    }
}
