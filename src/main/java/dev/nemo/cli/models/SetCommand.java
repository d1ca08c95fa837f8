package dev.nemo.cli.models;

import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.CommandSupport;
import dev.nemo.models.ModelSlot;
import dev.nemo.models.SelectionEditor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Set the default model (agents.defaults.model.primary); fallbacks are kept.")
public class SetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<model-or-alias>", description = "provider/model (e.g. openai/gpt-5), or an alias.")
    String model;

    @Option(names = "--force", description = "Save a model its provider's catalogue does not list (the provider must be known).")
    boolean force;

    @Override
    public Integer call() {
        return run(spec, ModelSlot.TEXT, model, force);
    }

    static int run(CommandSpec spec, ModelSlot slot, String model, boolean force) {
        SelectionSession session = SelectionSession.open(CommandSupport.terminal(spec));
        SelectionEditor.Outcome outcome = session.editor(force).setPrimary(slot, model);
        session.reportWrite(outcome.written());
        session.term().out().println(slot.primaryLabel() + ": " + outcome.key());
        session.term().out().flush();
        return ExitCodes.OK;
    }
}
