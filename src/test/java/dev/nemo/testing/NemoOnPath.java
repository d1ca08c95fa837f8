package dev.nemo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Collectors;

/** A {@code nemo} command in a directory of its own, running the artifact under test, for shells that call nemo by name. */
public final class NemoOnPath {
    private NemoOnPath() {
    }

    /** Writes {@code <dir>/nemo} and returns {@code dir}, to put first on a PATH. */
    public static Path install(Path dir) {
        String command = NemoRun.artifact().stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        try {
            Files.createDirectories(dir);
            Path nemo = dir.resolve("nemo");
            Files.writeString(nemo, "#!/bin/sh\nexec " + command + " \"$@\"\n");
            Files.setPosixFilePermissions(nemo, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
