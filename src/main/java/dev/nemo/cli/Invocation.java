package dev.nemo.cli;

import dev.nemo.config.Environment;
import dev.nemo.output.TableLayout;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What one run of nemo gets from the process that started it: the environment and working
 * directory, standard input, the writers on standard output (requested output only) and standard
 * error (warnings, progress, errors), which of those are terminal devices, the console for
 * prompts (null when not interactive) and how Ctrl-C arrives. The launched process passes its
 * own ({@link #ofProcess()}); a test passes one it made, so a whole-CLI run needs no JVM of its own.
 *
 * @param stdoutTty standard output is a terminal device (whatever {@code TERM} says)
 * @param stderrTty standard error is a terminal device (whatever {@code TERM} says)
 * @param interrupts registers a Ctrl-C handler for the length of a long run
 */
public record Invocation(Environment env, InputStream stdin, PrintWriter out, PrintWriter err, boolean stdoutTty,
                         boolean stderrTty, Console console, Function<Runnable, Interrupts> interrupts) {

    /** This process: its environment, working directory, standard streams (as UTF-8), console and SIGINT. */
    public static Invocation ofProcess() {
        return new Invocation(Environment.current(), System.in,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                isTerminal(1), isTerminal(2), System.console(), Interrupts::onSignal);
    }

    /** The invocation of the run {@code spec}'s command belongs to. */
    public static Invocation of(CommandSpec spec) {
        return NemoCommand.invocation(spec);
    }

    public void warn(String message) {
        err.println("warning: " + CommandLineSetup.printable(message));
        err.flush();
    }

    /** An {@code error:} line that does not end the command (e.g. each reason a check failed). */
    public void error(String message) {
        err.println("error: " + CommandLineSetup.printable(message));
        err.flush();
    }

    /** A person is watching stderr: it is a terminal that can redraw a line (progress goes there). */
    public boolean stderrIsTerminal() {
        return stderrTty && !dumbTerminal();
    }

    /**
     * Colour on stdout, for picocli to render ({@code @|green ok|@}) in help and output alike: only
     * on a terminal, never with {@code NO_COLOR} set (https://no-color.org) or {@code TERM=dumb}.
     */
    public Ansi ansi() {
        return Ansi.valueOf(stdoutTty && env.vars().get("NO_COLOR") == null && !dumbTerminal());
    }

    /**
     * How tables fit stdout: on a terminal, box-drawn within its width (80 when it reports none);
     * piped, plain aligned columns that are never wrapped, as gh and kubectl print them.
     */
    public TableLayout tableLayout() {
        return stdoutTty && !dumbTerminal() ? TableLayout.terminal(TerminalDevice.columns(env).orElse(80)) : TableLayout.PIPE;
    }

    /** Someone is at the keyboard: prompts can be asked on the console. */
    public boolean interactive() {
        return console != null;
    }

    /** Runs {@code onInterrupt} on Ctrl-C until the returned registration is closed. */
    public Interrupts onInterrupt(Runnable onInterrupt) {
        return interrupts.apply(onInterrupt);
    }

    private boolean dumbTerminal() {
        return "dumb".equals(env.get("TERM"));
    }

    private static boolean isTerminal(int fd) {
        try {
            // Java has no isatty(3); on Linux the fd link names the terminal device.
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }
}
