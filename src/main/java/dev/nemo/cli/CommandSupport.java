package dev.nemo.cli;

import dev.nemo.config.Environment;
import picocli.CommandLine.Model.CommandSpec;

/** The per-run context every command starts from: the environment and the picocli writers. */
public final class CommandSupport {
    private CommandSupport() {
    }

    public static Terminal terminal(CommandSpec spec) {
        return new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr(), Environment.current());
    }
}
