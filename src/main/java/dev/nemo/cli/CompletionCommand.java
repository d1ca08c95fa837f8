package dev.nemo.cli;

import dev.nemo.cli.completion.BashScript;
import dev.nemo.cli.completion.CommandTree;
import dev.nemo.cli.completion.FishScript;
import dev.nemo.cli.completion.ZshScript;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nemo completion bash|zsh|fish}: prints a completion script generated from the command
 * tree, so completions never drift from the real options. The scripts complete commands, options
 * and closed sets of values themselves, and ask the hidden {@code nemo __complete} for the ids in
 * the user's config and store.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script: commands, options, their values, and the provider ids, profile ids, "
                + "aliases and model refs of your own config and store.",
                "bash: source <(nemo completion bash)",
                "zsh:  source <(nemo completion zsh)   (after compinit; or save it as _nemo on $fpath)",
                "fish: nemo completion fish | source"})
public class CompletionCommand implements Callable<Integer> {
    public enum Shell { bash, zsh, fish }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<shell>", description = "bash, zsh or fish.")
    Shell shell;

    @Override
    public Integer call() {
        CommandTree tree = CommandTree.of(spec.root().commandLine());
        spec.commandLine().getOut().print(switch (shell) {
            case bash -> BashScript.of(tree);
            case zsh -> ZshScript.of(tree);
            case fish -> FishScript.of(tree);
        });
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
