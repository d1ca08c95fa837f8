package dev.nemo.cli;

import dev.nemo.config.Environment;
import java.io.PrintWriter;

/** Where a command writes: stdout for requested output only, stderr for warnings and progress. */
public record Terminal(PrintWriter out, PrintWriter err, Environment env) {

    public void warn(String message) {
        err.println("warning: " + CommandLineSetup.printable(message));
        err.flush();
    }

    /** An {@code error:} line that does not end the command (e.g. each reason a check failed). */
    public void error(String message) {
        err.println("error: " + CommandLineSetup.printable(message));
        err.flush();
    }

    /** True when stderr is an interactive terminal (progress and colour may be shown there). */
    public boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    /** Colour on stdout: only on a terminal, never with {@code NO_COLOR} (https://no-color.org). */
    public boolean colour() {
        return env.vars().get("NO_COLOR") == null && isTerminal(1);
    }

    private boolean isTerminal(int fd) {
        if ("dumb".equals(env.get("TERM"))) {
            return false;
        }
        try {
            // Java has no isatty(3); on Linux the fd link names the terminal device.
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** Table width: {@code COLUMNS} when set, else 120 (the peer's assumption when unknown), at least 60. */
    public int width() {
        try {
            String columns = env.get("COLUMNS");
            return Math.max(60, columns == null ? 120 : Integer.parseInt(columns) - 1);
        } catch (NumberFormatException e) {
            return 120;
        }
    }
}
