package dev.nemo.cli.models.fallbacks;

import dev.nemo.cli.Invocation;
import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.models.SelectionConfig;
import dev.nemo.models.SelectionEditor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Append a model to the chain (nothing changes if it is already there); it joins the allowlist.")
public class FallbacksAddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    FallbackChain chain;

    @Parameters(paramLabel = "<model-or-alias>", description = "provider/model, or an alias.")
    String model;

    @Option(names = "--force", description = "Save a model its provider's catalogue does not list (the provider must be known).")
    boolean force;

    @Override
    public Integer call() {
        SelectionConfig selection = SelectionConfig.open(Invocation.of(spec));
        SelectionEditor.Outcome outcome = selection.editor(force).addFallback(chain.slot(), model);
        selection.reportWrite(outcome.written());
        selection.io().out().println(chain.slot().fallbacksLabel() + ": " + String.join(", ", outcome.values()));
        selection.io().out().flush();
        return ExitCodes.OK;
    }
}
