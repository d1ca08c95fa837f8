package dev.nemo.cli;

import dev.nemo.config.Environment;
import dev.nemo.output.TableLayout;
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
        return TerminalDevice.isTerminal(fd, env);
    }

    /**
     * How tables fit stdout: on a terminal, box-drawn within its width (80 when it reports none);
     * piped, plain aligned columns that are never wrapped, as gh and kubectl print them.
     */
    public TableLayout tableLayout() {
        return isTerminal(1) ? TableLayout.terminal(TerminalDevice.columns(env).orElse(80)) : TableLayout.PIPE;
    }
}
