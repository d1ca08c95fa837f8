package dev.nemo.cli.models.fallbacks;

import dev.nemo.cli.Invocation;
import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.models.SelectionConfig;
import dev.nemo.models.SelectionEditor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "clear", mixinStandardHelpOptions = true, description = "Empty the chain; the primary model is kept.")
public class FallbacksClearCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    FallbackChain chain;

    @Override
    public Integer call() {
        SelectionConfig selection = SelectionConfig.open(Invocation.of(spec));
        SelectionEditor.Outcome outcome = selection.editor().clearFallbacks(chain.slot());
        selection.reportWrite(outcome.written());
        selection.io().out().println(chain.slot().fallbackLabel() + " list cleared.");
        selection.io().out().flush();
        return ExitCodes.OK;
    }
}
