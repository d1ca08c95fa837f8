package dev.nemo.cli.models.aliases;

import dev.nemo.cli.Invocation;
import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.models.SelectionConfig;
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
        SelectionConfig selection = SelectionConfig.open(Invocation.of(spec));
        SelectionEditor.Outcome outcome = selection.editor().removeAlias(alias);
        selection.reportWrite(outcome.written());
        selection.io().out().println("Removed alias " + alias.trim() + " (was -> " + outcome.key() + ")");
        if (outcome.values().isEmpty()) {
            selection.io().out().println("No aliases configured.");
        }
        selection.io().out().flush();
        return ExitCodes.OK;
    }
}
