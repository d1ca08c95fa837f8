package dev.nemo.config;

import dev.nemo.NemoException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way nemo changes a file: take an OS lock on a sidecar {@code <file>.lock}, let the
 * caller re-read and decide inside it, then write a sibling temp file, fsync it, rename it over
 * the target and fsync the directory. A crash or a failed write leaves the old file intact, and
 * OS locks die with their process, so a lock can never go stale.
 */
public final class LockedFile {
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    private static final Map<Path, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /** The random part of a temp file name: {@code <hex>.tmp}. */
    private static final java.util.regex.Pattern TEMP_SUFFIX = java.util.regex.Pattern.compile("[0-9a-f]{1,16}\\.tmp");

    private LockedFile() {
    }

    @FunctionalInterface
    public interface LockedAction<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code action} while holding the lock of {@code target}, waiting at most {@code timeout}.
     * The target is checked first (see {@link #checkedTarget}), so a write that would be refused
     * is refused before the action changes anything else.
     */
    public static <T> T withLock(Path target, Duration timeout, LockedAction<T> action) {
        Path file = checkedTarget(target);
        // Threads of this process queue here first: on Linux, closing any channel of the lock file
        // drops every OS lock the process holds on it, so two threads must never both hold one.
        ReentrantLock local = LOCAL_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        try {
            if (!local.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(file, file.resolveSibling(file.getFileName() + ".lock"), timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NemoException.failure("Interrupted while waiting for a file lock; nothing was changed.");
        }
        try {
            return withOsLock(file, timeout, action);
        } finally {
            local.unlock();
        }
    }

    private static <T> T withOsLock(Path file, Duration timeout, LockedAction<T> action) {
        ensureDirectory(file.getParent());
        Path lockPath = file.resolveSibling(file.getFileName() + ".lock");
        long deadline = System.nanoTime() + timeout.toNanos();
        long backoffMs = 20;
        // NOFOLLOW: a lock file planted as a link (in a shared directory) must not create or open its target.
        try (FileChannel channel = FileChannel.open(lockPath, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), permissions(FILE_MODE))) {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    try (lock) {
                        removeStaleTemps(file);
                        return action.run();
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw busy(file, lockPath, timeout);
                }
                sleep(backoffMs + ThreadLocalRandom.current().nextLong(backoffMs));
                backoffMs = Math.min(backoffMs * 2, 500);
            }
        } catch (IOException e) {
            throw NemoException.failure("Cannot update " + file + ": " + describe(e));
        }
    }

    /**
     * Temp files of a writer killed between writing and renaming ({@code .<name>.<hex>.tmp}): every
     * writer of {@code file} holds its lock while its temp file exists, so under the lock any left
     * are stale.
     */
    private static void removeStaleTemps(Path file) {
        String prefix = "." + file.getFileName() + ".";
        try (var entries = Files.newDirectoryStream(file.getParent(), e -> {
            String name = e.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(".tmp") && TEMP_SUFFIX.matcher(name.substring(prefix.length())).matches();
        })) {
            for (Path stale : entries) {
                Files.deleteIfExists(stale);
            }
        } catch (IOException e) {
            // Leftovers are harmless (the target is never a temp file); try again next time.
        }
    }

    private static NemoException busy(Path file, Path lockPath, Duration timeout) {
        return NemoException.failure("Failed to update " + file + ": lock " + lockPath.getFileName()
                + " is held by another process (waited " + timeout.toSeconds() + " s); nothing was changed.");
    }

    /**
     * Atomically replaces {@code target} with {@code content} (mode 0600) after the checks of
     * {@link #checkedTarget}. The caller holds the target's lock, or (a report) writes a file no
     * one else writes.
     */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        writeAtomically(target, content, FILE_MODE);
    }

    /**
     * The same with the file mode {@code mode} (less the umask): 0644 for a file that a daemon
     * running as another user reads, such as a metrics file for node_exporter; never for secrets.
     */
    public static void writeAtomically(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        Path file = checkedTarget(target);
        ensureDirectory(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    permissions(mode))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            fsyncDirectory(file.getParent());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The file a write of {@code target} replaces, or a failure saying why nemo will not write it
     * (nothing is changed then). Writes go to the file a symbolic link points at, so the link itself
     * survives the rename, but never through a link that cannot be resolved (it is not replaced by a
     * file), nor through a link another user owns in a shared (sticky or world-writable) directory,
     * nor into a file or a directory of another user; an existing file without write permission
     * for its owner (a read-only {@code nemo.json}) is not replaced either.
     */
    public static Path checkedTarget(Path target) {
        Path file = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(file)) {
            Path dir = realDirectory(file.getParent());
            if (dir != null && sharedDirectory(dir) && FileTrust.ownedByAnotherUser(file)) {
                throw refused(file, "it is a symbolic link owned by another user in the shared directory " + dir);
            }
            try {
                file = file.toRealPath();
            } catch (IOException e) {
                throw refused(file, "it is a symbolic link to " + linkTarget(file) + ", which does not exist; nemo does not replace"
                        + " a link with a file (remove the link or create its target)");
            }
        } else {
            Path dir = realDirectory(file.getParent());
            if (dir != null) {
                file = dir.resolve(file.getFileName());
            }
        }
        Path dir = file.getParent();
        if (Files.isDirectory(dir) && FileTrust.ownedByAnotherUser(dir)) {
            throw refused(file, "its directory " + dir + " belongs to another user (uid " + FileTrust.owner(dir).orElse(-1L) + ")");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(file)) {
                throw refused(file, "it is a directory");
            }
            if (FileTrust.ownedByAnotherUser(file)) {
                throw refused(file, "it belongs to another user (uid " + FileTrust.owner(file).orElse(-1L) + ")");
            }
            if (Files.isRegularFile(file) && readOnly(file)) {
                throw refused(file, "it is read-only (mode " + mode(file) + "); make it writable (chmod u+w) to let nemo change it");
            }
        }
        return file;
    }

    private static NemoException refused(Path file, String why) {
        return NemoException.failure("Will not write " + file + ": " + why + ". Nothing was changed.");
    }

    /** The directory with links resolved, or null when it does not exist yet. */
    private static Path realDirectory(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a missing file";
        }
    }

    /** Sticky ({@code /tmp}) or writable by others: anyone may plant a link there. */
    private static boolean sharedDirectory(Path dir) {
        try {
            int mode = ((Number) Files.getAttribute(dir, "unix:mode")).intValue();
            return (mode & 01000) != 0 || (mode & 0002) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean readOnly(Path file) {
        try {
            return !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return !Files.isWritable(file);
        }
    }

    private static String mode(Path file) {
        try {
            return String.format("%04o", ((Number) Files.getAttribute(file, "unix:mode")).intValue() & 07777);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "read-only";
        }
    }

    static void ensureDirectory(Path dir) {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, permissions(DIR_MODE));
        } catch (FileAlreadyExistsException e) {
            throw NemoException.failure("Cannot create directory " + dir + ": a file with that name exists");
        } catch (IOException e) {
            throw NemoException.failure("Cannot create directory " + dir + ": " + describe(e));
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // cannot happen behind the local lock; wait as for another process
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems cannot fsync a directory; the rename itself is still atomic.
        }
    }

    private static FileAttribute<?>[] permissions(Set<PosixFilePermission> mode) {
        boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NemoException.failure("Interrupted while waiting for a file lock; nothing was changed.");
        }
    }

    /** An I/O failure as a person reads it: what went wrong, without the exception's class or Java's wording. */
    public static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file with that name exists";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            String reason = f.getReason();
            return reason.isEmpty() ? "input/output error" : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        // The OS's own words ("No space left on device") are fine; Java's ("java.io…Exception: …") are not.
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.contains("java.") || message.contains("Exception")) {
            return "input/output error";
        }
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
