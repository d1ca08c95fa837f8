package dev.nemo.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a file can be changed by someone other than the user running nemo. A file (and the
 * directory holding it) is trusted when it is owned by that user or by root and is neither group-
 * nor world-writable, the rule ssh applies to {@code authorized_keys} (StrictModes): what nemo runs
 * or writes on the strength of a file must not be decided by another account.
 */
public final class FileTrust {
    private static final long ROOT = 0;

    private FileTrust() {
    }

    /**
     * Why {@code file} could be changed by another user, or empty when it cannot: checks the file
     * (following links) and the directory it really lives in, and the directory of the link itself.
     */
    public static Optional<String> whyUntrusted(Path file) {
        Path given = file.toAbsolutePath();
        Path real;
        try {
            real = given.toRealPath();
        } catch (IOException e) {
            return Optional.of("it cannot be read");
        }
        Optional<String> why = problem(real, "it");
        if (why.isEmpty()) {
            why = problem(real.getParent(), "its directory " + real.getParent());
        }
        if (why.isEmpty() && !given.getParent().equals(real.getParent())) {
            why = problem(given.getParent(), "the directory " + given.getParent());
        }
        return why;
    }

    /** The uid owning {@code path} (not following a final link), or empty when unknown (no such file, no unix view). */
    public static Optional<Long> owner(Path path) {
        try {
            return Optional.of(((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** True when {@code path} exists and is owned by a user other than the one running nemo (root counts as another user). */
    public static boolean ownedByAnotherUser(Path path) {
        Optional<Long> uid = owner(path);
        Optional<Long> me = currentUid();
        return uid.isPresent() && me.isPresent() && !uid.get().equals(me.get());
    }

    /** The effective uid of this process, from {@code /proc/self/status} (Linux); empty elsewhere. */
    public static Optional<Long> currentUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return Optional.of(Long.parseLong(ids.length > 1 ? ids[1] : ids[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall back on the owner's name below.
        }
        return Optional.empty();
    }

    private static Optional<String> problem(Path path, String what) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            if (!ownedByMeOrRoot(path)) {
                return Optional.of(what + " is owned by another user (uid " + owner(path).map(String::valueOf).orElse("?") + ")");
            }
            if (mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                return Optional.of(what + " is writable by every user");
            }
            if (mode.contains(PosixFilePermission.GROUP_WRITE)) {
                return Optional.of(what + " is writable by its group");
            }
            return Optional.empty();
        } catch (UnsupportedOperationException e) {
            return Optional.empty(); // no POSIX modes (Windows): nothing to compare against
        } catch (IOException e) {
            return Optional.of(what + " cannot be inspected");
        }
    }

    private static boolean ownedByMeOrRoot(Path path) throws IOException {
        Optional<Long> uid = owner(path);
        Optional<Long> me = currentUid();
        if (uid.isPresent() && me.isPresent()) {
            return uid.get() == ROOT || uid.get().equals(me.get());
        }
        String owner = Files.getOwner(path).getName();
        return owner.equals("root") || owner.equals(System.getProperty("user.name"));
    }
}
