package dev.nemo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.concurrent.TimeUnit;

/**
 * A second local user for tests of files another user owns: created with {@code useradd} (no
 * home, no login shell) when the tests run as root; {@link #available()} is false otherwise, and
 * such tests are skipped saying so.
 */
public final class SecondUser {
    public static final String NAME = "nemo-test-other";
    private static Boolean available;

    private SecondUser() {
    }

    public static synchronized boolean available() {
        if (available == null) {
            available = "root".equals(System.getProperty("user.name")) && (exists() || create());
        }
        return available;
    }

    /** Makes the second user the owner of {@code path} (not following a final link). */
    public static void chown(Path path) {
        try {
            Files.setOwner(path, principal());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #chown}, for a symbolic link itself. */
    public static void chownLink(Path link) {
        try {
            Files.getFileAttributeView(link, java.nio.file.attribute.PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setOwner(principal());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UserPrincipal principal() throws IOException {
        return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(NAME);
    }

    private static boolean exists() {
        return run("id", "-u", NAME);
    }

    private static boolean create() {
        return run("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME) && exists();
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
