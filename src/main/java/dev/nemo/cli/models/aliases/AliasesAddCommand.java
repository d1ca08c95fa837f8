package dev.nemo.cli.models.aliases;

import dev.nemo.cli.Invocation;
import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.models.SelectionConfig;
import dev.nemo.models.SelectionEditor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add an alias for a model; the model joins the allowlist if it is not there yet.")
public class AliasesAddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<alias>", description = "Letters, digits, '.', '_', ':' or '-'.")
    String alias;

    @Parameters(index = "1", paramLabel = "<model-or-alias>", description = "provider/model, or an existing alias.")
    String model;

    @Option(names = "--force", description = "Save a model its provider's catalogue does not list (the provider must be known).")
    boolean force;

    @Override
    public Integer call() {
        SelectionConfig selection = SelectionConfig.open(Invocation.of(spec));
        SelectionEditor.Outcome outcome = selection.editor(force).addAlias(alias, model);
        selection.reportWrite(outcome.written());
        selection.io().out().println("Alias " + outcome.values().get(0) + " -> " + outcome.key());
        selection.io().out().flush();
        return ExitCodes.OK;
    }
}
