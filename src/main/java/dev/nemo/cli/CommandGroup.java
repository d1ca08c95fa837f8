package dev.nemo.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: run bare, it prints its help on stdout (exit 0), as `gh` does. */
public abstract class CommandGroup implements Runnable {
    @Spec
    protected CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
