package dev.nemo.cli;

import dev.nemo.config.Environment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * What Java cannot ask the OS directly: whether a standard stream is a terminal, and how many
 * columns that terminal has.
 */
final class TerminalDevice {
    /**
     * {@code stty} by absolute path (Linux, then the BSDs and macOS): a name looked up on the
     * user's PATH could run anything. Never picocli's width detection, which runs {@code stty}
     * or {@code tput} from the PATH.
     */
    private static final List<String> STTY = List.of("/usr/bin/stty", "/bin/stty");
    private static final long STTY_TIMEOUT_MS = 1000;

    private TerminalDevice() {
    }

    /** True when file descriptor {@code fd} (1 stdout, 2 stderr) is an interactive terminal. */
    static boolean isTerminal(int fd, Environment env) {
        if ("dumb".equals(env.get("TERM"))) {
            return false;
        }
        try {
            // Java has no isatty(3); on Linux the fd link names the terminal device.
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /**
     * The terminal's width: {@code COLUMNS} when exported (the user's override, as for most
     * tools), else what the controlling terminal reports ({@code stty size} on {@code /dev/tty});
     * empty when neither knows.
     */
    static OptionalInt columns(Environment env) {
        String exported = env.get("COLUMNS");
        if (exported != null) {
            try {
                int columns = Integer.parseInt(exported);
                if (columns > 0) {
                    return OptionalInt.of(columns);
                }
            } catch (NumberFormatException e) {
                // not a number: ask the terminal
            }
        }
        return sttyColumns();
    }

    private static OptionalInt sttyColumns() {
        File tty = new File("/dev/tty");
        for (String stty : STTY) {
            if (!new File(stty).canExecute()) {
                continue;
            }
            try {
                Process process = new ProcessBuilder(stty, "size").redirectInput(tty)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(STTY_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    return OptionalInt.empty();
                }
                String[] size = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
                if (process.exitValue() == 0 && size.length == 2) {
                    int columns = Integer.parseInt(size[1]);
                    return columns > 0 ? OptionalInt.of(columns) : OptionalInt.empty();
                }
                return OptionalInt.empty();
            } catch (IOException | NumberFormatException e) {
                return OptionalInt.empty(); // no controlling terminal (/dev/tty cannot be opened)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }
}
