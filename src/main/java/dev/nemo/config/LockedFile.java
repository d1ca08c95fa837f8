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

    private LockedFile() {
    }

    @FunctionalInterface
    public interface LockedAction<T> {
        T run() throws IOException;
    }

    /** Runs {@code action} while holding the lock of {@code target}, waiting at most {@code timeout}. */
    public static <T> T withLock(Path target, Duration timeout, LockedAction<T> action) {
        Path file = realTarget(target);
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
        try (FileChannel channel = FileChannel.open(lockPath, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                permissions(FILE_MODE))) {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    try (lock) {
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

    private static NemoException busy(Path file, Path lockPath, Duration timeout) {
        return NemoException.failure("Failed to update " + file + ": lock " + lockPath.getFileName()
                + " is held by another process (waited " + timeout.toSeconds() + " s); nothing was changed.");
    }

    /** Atomically replaces {@code target} with {@code content}; secret files get mode 0600. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        writeAtomically(target, content, FILE_MODE);
    }

    /**
     * The same with the file mode {@code mode} (less the umask): 0644 for a file that a daemon
     * running as another user reads, such as a metrics file for node_exporter; never for secrets.
     */
    public static void writeAtomically(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        Path file = realTarget(target);
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

    /** Writes go to the file a symlink points at, so the link itself survives the rename. */
    static Path realTarget(Path target) {
        Path file = target.toAbsolutePath();
        try {
            if (Files.isSymbolicLink(file)) {
                return file.toRealPath();
            }
        } catch (IOException e) {
            // A dangling link: write next to it as if it were absent.
        }
        return file;
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

    public static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return switch (type) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "no such file or directory";
            case "NotDirectoryException" -> "not a directory";
            default -> e.getMessage() == null ? type : e.getMessage();
        };
    }
}
