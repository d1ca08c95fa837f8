package dev.nemo.cli.models.fallbacks;

import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.CommandSupport;
import dev.nemo.cli.models.SelectionSession;
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
        SelectionSession session = SelectionSession.open(CommandSupport.terminal(spec));
        SelectionEditor.Outcome outcome = session.editor().clearFallbacks(chain.slot());
        session.reportWrite(outcome.written());
        session.term().out().println(chain.slot().fallbackLabel() + " list cleared.");
        session.term().out().flush();
        return ExitCodes.OK;
    }
}
