package dev.nemo.cli;

import dev.nemo.NemoException;
import dev.nemo.auth.RunSecrets;
import dev.nemo.text.PrintableText;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Configures picocli once: the run's writers and colours, exit code 64 for every usage error, and every
 * failure reported as one {@code error: …} line on stderr (a stack trace only with
 * {@code NEMO_DEBUG=1}).
 */
@ApplicationScoped
public class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return configure(factory.create(), Invocation.ofProcess());
    }

    /**
     * Prepares {@code cmd} (the {@code nemo} command line) to run in {@code invocation}: the
     * launched process and in-process tests both come through here.
     */
    public static CommandLine configure(CommandLine cmd, Invocation invocation) {
        ((NemoCommand) cmd.getCommand()).invocation = invocation;
        PrintWriter out = invocation.out();
        PrintWriter err = invocation.err();
        cmd.setOut(out);
        cmd.setErr(err);
        // One colour decision for help and output: picocli renders the styles, or drops them.
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(invocation.ansi()));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setHelpFactory(CommandLineSetup::helpAtTerminalWidth);
        // A relative path option names a file in the run's working directory; "-" stays standard output.
        cmd.registerConverter(Path.class, value -> value.equals("-") ? Path.of(value) : invocation.env().workingDir().resolve(value));
        cmd.setParameterExceptionHandler(CommandLineSetup::usageError);
        boolean debug = "1".equals(invocation.env().vars().get("NEMO_DEBUG"));
        cmd.setExecutionExceptionHandler((e, command, parseResult) -> failure(e, command, debug));
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cmd.setExecutionStrategy(parseResult -> {
            try {
                OutputFormat.checkJqNeedsJson(parseResult);
                return run.execute(parseResult);
            } finally {
                out.flush();
                err.flush();
            }
        });
        return cmd;
    }

    /**
     * What may be printed of a message: control characters escaped, and no piece of a secret this
     * run has read (the last check; messages are redacted where they are made).
     */
    static String printable(String message) {
        return RunSecrets.redactor().redactKnown(PrintableText.escape(message));
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = e.getMessage().startsWith("Error: ") ? e.getMessage().substring(7) : e.getMessage();
        err.println("error: " + printable(message));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int failure(Exception e, CommandLine command, boolean debug) {
        PrintWriter err = command.getErr();
        command.getOut().flush();
        if (e instanceof NemoException nemo) {
            err.println("error: " + printable(nemo.getMessage()));
            if (nemo.kind() == NemoException.Kind.USAGE) {
                err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            debugTrace(e, err, debug);
            return ExitCodes.of(nemo.kind());
        }
        // An unexpected failure: never dump the message of an exception we did not write (it may
        // quote a request) nor its Java class; the trace is there with NEMO_DEBUG=1.
        java.io.IOException io = ioCause(e);
        if (io != null) {
            String file = io instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "";
            err.println("error: " + printable(file + dev.nemo.config.LockedFile.describe(io)) + " (rerun with NEMO_DEBUG=1 for details)");
        } else {
            err.println("error: an unexpected internal error; please report it (rerun with NEMO_DEBUG=1 for details)");
        }
        debugTrace(e, err, debug);
        return ExitCodes.FAILURE;
    }

    private static java.io.IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException io) {
                return io;
            }
        }
        return null;
    }

    /** With {@code NEMO_DEBUG=1} in the run's environment: the trace, redacted whole (library messages may quote requests or files). */
    private static void debugTrace(Exception e, PrintWriter err, boolean debug) {
        if (debug) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(RunSecrets.redactor().redact(PrintableText.escape(trace.toString())));
        }
    }

    /**
     * Help wraps at the terminal's width (80 columns when piped, picocli's narrowest 55 at least),
     * measured only when help is printed.
     */
    private static CommandLine.Help helpAtTerminalWidth(CommandLine.Model.CommandSpec spec, CommandLine.Help.ColorScheme colours) {
        dev.nemo.config.Environment env = dev.nemo.config.Environment.current();
        int columns = TerminalDevice.isTerminal(1, env) ? TerminalDevice.columns(env).orElse(80) : 80;
        spec.usageMessage().width(Math.max(55, columns));
        return new CommandLine.Help(spec, colours);
    }
}
