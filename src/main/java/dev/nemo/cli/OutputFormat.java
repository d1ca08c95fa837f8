package dev.nemo.cli;

import dev.nemo.json.PrettyJson;
import dev.nemo.output.JqFilter;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --json} / {@code --plain}: mutually exclusive (picocli reports the clash as a usage error);
 * {@code --jq <expr>} filters the JSON, and is compiled while the command line is parsed.
 */
public class OutputFormat {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    @Option(names = "--jq", paramLabel = "<expr>", converter = JqConverter.class,
            description = "With --json: print what this jq expression selects (strings raw, other values as compact JSON).")
    JqFilter jq;

    static class Choice {
        @Option(names = "--json", description = "Print JSON on stdout (nothing else goes to stdout).")
        boolean json;

        @Option(names = "--plain", description = "Print plain lines for scripts.")
        boolean plain;
    }

    public boolean json() {
        return choice != null && choice.json;
    }

    public boolean plain() {
        return choice != null && choice.plain;
    }

    /** {@code --jq} was given: the JSON is filtered, so it is printed whole at the end. */
    public boolean filtered() {
        return jq != null;
    }

    /** Prints {@code value} as JSON, or what {@code --jq} selects from it. */
    public void printJson(PrintWriter out, Object value) {
        printJson(out, value, jq);
    }

    /** The same for a command with its own {@code --json} option: {@code jq} may be null. */
    public static void printJson(PrintWriter out, Object value, JqFilter jq) {
        if (jq == null) {
            PrettyJson.write(out, value);
        } else {
            jq.print(PrettyJson.write(value), out);
        }
    }

    /**
     * {@code --jq} only filters {@code --json} (as gh requires): checked once for every command,
     * after parsing and before the command runs, whatever the order of the two options.
     */
    static void checkJqNeedsJson(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        if (command.hasMatchedOption("--jq") && !command.hasMatchedOption("--json")) {
            throw new CommandLine.ParameterException(command.commandSpec().commandLine(), "--jq needs --json, e.g. "
                    + command.commandSpec().qualifiedName() + " --json --jq '" + command.matchedOption("--jq").stringValues().get(0) + "'");
        }
    }

    /** Compiles {@code --jq} while the command line is parsed; a bad expression is a usage error (exit 64). */
    public static final class JqConverter implements ITypeConverter<JqFilter> {
        @Override
        public JqFilter convert(String expression) {
            try {
                return JqFilter.compile(expression);
            } catch (dev.nemo.NemoException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
