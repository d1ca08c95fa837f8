package dev.nemo.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every regular file under a directory with its content, to show that a command "changed
 * nothing on disk": take one before, run, and compare with {@link #assertUnchanged()}.
 */
public final class DirSnapshot {
    private final Path root;
    private final Map<String, String> files;

    private DirSnapshot(Path root, Map<String, String> files) {
        this.root = root;
        this.files = files;
    }

    public static DirSnapshot of(Path root) {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(f -> files.put(root.relativize(f).toString(),
                        new String(Fixture.bytes(f), StandardCharsets.ISO_8859_1)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DirSnapshot(root, files);
    }

    /** Same files, byte for byte; no file added or removed. */
    public void assertUnchanged() {
        assertThat(of(root).files).as("files under %s", root).isEqualTo(files);
    }

    /** As {@link #assertUnchanged()}, but ignoring {@code *.lock} sidecar files (a lock attempt may create one). */
    public void assertUnchangedExceptLocks() {
        assertThat(withoutLocks(of(root).files)).as("files under %s (lock files ignored)", root).isEqualTo(withoutLocks(files));
    }

    private static Map<String, String> withoutLocks(Map<String, String> files) {
        Map<String, String> out = new TreeMap<>(files);
        out.keySet().removeIf(k -> k.endsWith(".lock"));
        return out;
    }
}
