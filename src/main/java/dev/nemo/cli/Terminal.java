package dev.nemo.cli;

import dev.nemo.config.Environment;
import java.io.PrintWriter;

/** Where a command writes: stdout for requested output only, stderr for warnings and progress. */
public record Terminal(Invocation invocation) {

    public PrintWriter out() {
        return invocation.out();
    }

    public PrintWriter err() {
        return invocation.err();
    }

    public Environment env() {
        return invocation.env();
    }

    public void warn(String message) {
        err().println("warning: " + message);
        err().flush();
    }

    /** True when stderr is an interactive terminal (progress and colour may be shown there). */
    public boolean stderrIsTerminal() {
        return invocation.stderrIsTerminal() && !dumb();
    }

    /** Colour on stdout: only on a terminal, never with {@code NO_COLOR} (https://no-color.org). */
    public boolean colour() {
        return env().vars().get("NO_COLOR") == null && invocation.stdoutIsTerminal() && !dumb();
    }

    private boolean dumb() {
        return "dumb".equals(env().get("TERM"));
    }

    /** Table width: {@code COLUMNS} when set, else 120 (the peer's assumption when unknown), at least 60. */
    public int width() {
        try {
            String columns = env().get("COLUMNS");
            return Math.max(60, columns == null ? 120 : Integer.parseInt(columns) - 1);
        } catch (NumberFormatException e) {
            return 120;
        }
    }
}
