package dev.nemo.cli.models.aliases;

import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.CommandSupport;
import dev.nemo.cli.models.SelectionSession;
import dev.nemo.models.SelectionEditor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove an alias (exact spelling); the model stays in the allowlist.")
public class AliasesRemoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<alias>")
    String alias;

    @Override
    public Integer call() {
        SelectionSession session = SelectionSession.open(CommandSupport.terminal(spec));
        SelectionEditor.Outcome outcome = session.editor().removeAlias(alias);
        session.reportWrite(outcome.written());
        session.term().out().println("Removed alias " + alias.trim() + " (was -> " + outcome.key() + ")");
        if (outcome.values().isEmpty()) {
            session.term().out().println("No aliases configured.");
        }
        session.term().out().flush();
        return ExitCodes.OK;
    }
}
