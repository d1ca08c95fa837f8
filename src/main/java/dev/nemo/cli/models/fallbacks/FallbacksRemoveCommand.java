package dev.nemo.cli.models.fallbacks;

import dev.nemo.cli.Invocation;
import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.models.SelectionConfig;
import dev.nemo.models.SelectionEditor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove every entry of the chain that resolves to this model.")
public class FallbacksRemoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    FallbackChain chain;

    @Parameters(paramLabel = "<model-or-alias>", description = "provider/model, or an alias.")
    String model;

    @Override
    public Integer call() {
        SelectionConfig selection = SelectionConfig.open(Invocation.of(spec));
        SelectionEditor.Outcome outcome = selection.editor().removeFallback(chain.slot(), model);
        selection.reportWrite(outcome.written());
        selection.io().out().println(chain.slot().fallbacksLabel() + ": "
                + (outcome.values().isEmpty() ? "-" : String.join(", ", outcome.values())));
        selection.io().out().flush();
        return ExitCodes.OK;
    }
}
