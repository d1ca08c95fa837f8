package dev.nemo.cli;

import picocli.CommandLine.Model.CommandSpec;

/** The per-run context every command starts from: the environment and the picocli writers. */
public final class CommandSupport {
    private CommandSupport() {
    }

    public static Terminal terminal(CommandSpec spec) {
        return new Terminal(NemoCommand.invocation(spec));
    }
}
