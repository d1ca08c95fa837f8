package dev.nemo.cli.models;

import dev.nemo.cli.models.aliases.AliasesCommand;
import dev.nemo.cli.models.fallbacks.FallbacksCommand;
import dev.nemo.cli.models.fallbacks.ImageFallbacksCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nemo models}: without a subcommand it is {@code nemo models status}. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Show and change the models an agent uses, and check its provider credentials.",
        subcommands = {StatusCommand.class, ListCommand.class, SetCommand.class, SetImageCommand.class, ScanCommand.class,
                AliasesCommand.class, FallbacksCommand.class, ImageFallbacksCommand.class,
                dev.nemo.cli.auth.AuthCommand.class})
public class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--agent", paramLabel = "<id>", description = "Configured agent id (passed to status).")
    String agent;

    @Option(names = "--status-json", description = "Same as `models status --json`.")
    boolean statusJson;

    @Option(names = "--status-plain", description = "Same as `models status --plain`.")
    boolean statusPlain;

    @Override
    public Integer call() {
        java.util.List<String> args = new java.util.ArrayList<>();
        if (agent != null) {
            args.add("--agent=" + agent);
        }
        if (statusJson) {
            args.add("--json");
        }
        if (statusPlain) {
            args.add("--plain");
        }
        return spec.subcommands().get("status").execute(args.toArray(String[]::new));
    }
}
