package dev.nemo.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes config and auth-store files for whole-CLI tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path writeConfig(NemoRun nemo, String json) {
        return write(nemo.stateDir().resolve("nemo.json"), json);
    }

    public static Path writeStore(NemoRun nemo, String json) {
        return write(nemo.stateDir().resolve("agents/main/agent/auth-profiles.json"), json);
    }

    public static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
