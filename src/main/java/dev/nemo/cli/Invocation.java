package dev.nemo.cli;

import dev.nemo.config.Environment;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What one run of nemo gets from the process that started it: the environment and working
 * directory, standard input, the writers on standard output and error, which of those are
 * terminal devices, the console for prompts (null when not interactive) and how Ctrl-C arrives.
 * The launched process passes its own ({@link #ofProcess()}); a test passes one it made, so a
 * whole-CLI run needs no JVM of its own.
 *
 * @param stdoutIsTerminal standard output is a terminal device (whatever {@code TERM} says)
 * @param stderrIsTerminal standard error is a terminal device (whatever {@code TERM} says)
 * @param interrupts registers a Ctrl-C handler for the length of a long run
 */
public record Invocation(Environment env, InputStream stdin, PrintWriter out, PrintWriter err, boolean stdoutIsTerminal,
                         boolean stderrIsTerminal, Console console, Function<Runnable, Interrupts> interrupts) {

    /** This process: its environment, working directory, standard streams (as UTF-8), console and SIGINT. */
    public static Invocation ofProcess() {
        return new Invocation(Environment.current(), System.in,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                isTerminal(1), isTerminal(2), System.console(), Interrupts::onSignal);
    }

    /** Runs {@code onInterrupt} on Ctrl-C until the returned registration is closed. */
    public Interrupts onInterrupt(Runnable onInterrupt) {
        return interrupts.apply(onInterrupt);
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
