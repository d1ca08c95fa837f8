package dev.nemo.cli.models;

import dev.nemo.cli.Invocation;
import dev.nemo.cli.ExitCodes;
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
public class SetCommand implements Callable<Integer>, SharedDefaultsCommand {
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
        SelectionConfig selection = SelectionConfig.open(Invocation.of(spec));
        SelectionEditor.Outcome outcome = selection.editor(force).setPrimary(slot, model);
        selection.reportWrite(outcome.written());
        selection.io().out().println(slot.primaryLabel() + ": " + outcome.key());
        selection.io().out().flush();
        return ExitCodes.OK;
    }
}
