package dev.nemo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes fixture files for whole-CLI tests (parent directories created). */
public final class Fixture {
    public static final long HOUR_MS = 3_600_000L;

    private Fixture() {
    }

    public static Path write(Path path, String text) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code <stateDir>/agents/main/agent/auth-profiles.json} of {@code run}. */
    public static Path mainStore(NemoRun run) {
        return run.stateDir().resolve("agents/main/agent/auth-profiles.json");
    }

    /** Writes {@code <stateDir>/nemo.json}. */
    public static Path writeConfig(NemoRun run, String json) {
        return write(config(run), json);
    }

    /** Writes the main agent's {@code auth-profiles.json}. */
    public static Path writeStore(NemoRun run, String json) {
        return write(mainStore(run), json);
    }

    public static Path config(NemoRun run) {
        return run.stateDir().resolve("nemo.json");
    }

    /** Milliseconds since the epoch, {@code hours} from now (negative: in the past). */
    public static long inHours(double hours) {
        return System.currentTimeMillis() + (long) (hours * HOUR_MS);
    }
}
