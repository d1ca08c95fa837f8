package dev.nemo.cli;

import dev.nemo.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nemo completion bash|zsh}: prints a completion script generated from the command tree,
 * so completions never drift from the real options.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.",
                "bash: source <(nemo completion bash)",
                "zsh:  autoload -U +X compinit && compinit; autoload -U +X bashcompinit && bashcompinit; source <(nemo completion zsh)"})
public class CompletionCommand implements Callable<Integer> {
    public enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<shell>", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        // picocli's script serves both shells: zsh runs it through bashcompinit.
        spec.commandLine().getOut().print(AutoComplete.bash("nemo", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
