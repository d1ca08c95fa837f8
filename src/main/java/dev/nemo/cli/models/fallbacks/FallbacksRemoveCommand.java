package dev.nemo.cli.models.fallbacks;

import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.CommandSupport;
import dev.nemo.cli.models.SelectionSession;
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
        SelectionSession session = SelectionSession.open(CommandSupport.terminal(spec));
        SelectionEditor.Outcome outcome = session.editor().removeFallback(chain.slot(), model);
        session.reportWrite(outcome.written());
        session.term().out().println(chain.slot().fallbacksLabel() + ": "
                + (outcome.values().isEmpty() ? "-" : String.join(", ", outcome.values())));
        session.term().out().flush();
        return ExitCodes.OK;
    }
}
