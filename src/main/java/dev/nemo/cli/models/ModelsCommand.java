package dev.nemo.cli.models;

import dev.nemo.cli.models.aliases.AliasesCommand;
import dev.nemo.cli.models.fallbacks.FallbacksCommand;
import dev.nemo.cli.models.fallbacks.ImageFallbacksCommand;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code nemo models}: without a subcommand it is {@code nemo models status}. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Show and change the models an agent uses, and check its provider credentials.",
        subcommands = {StatusCommand.class, ListCommand.class, SetCommand.class, SetImageCommand.class, ScanCommand.class,
                AliasesCommand.class, FallbacksCommand.class, ImageFallbacksCommand.class,
                dev.nemo.cli.auth.AuthCommand.class},
        modelTransformer = ModelsCommand.AgentScope.class)
public class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /**
     * Declared once, here: picocli copies it to every subcommand, so it can be given on
     * {@code models}, on a group such as {@code auth}, or on the command itself; all bind to this
     * field, and the last one given (the innermost) wins.
     */
    @Option(names = "--agent", paramLabel = "<id>", scope = ScopeType.INHERIT,
            description = "Configured agent id (agents.list); overrides NEMO_AGENT_DIR and PI_CODING_AGENT_DIR.")
    String agent;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    StatusFormat statusFormat;

    static class StatusFormat {
        @Option(names = "--status-json", description = "Same as `models status --json`.")
        boolean json;

        @Option(names = "--status-plain", description = "Same as `models status --plain`.")
        boolean plain;
    }

    /** The {@code --agent} of the run {@code spec}'s command belongs to, or null. */
    public static String agent(CommandSpec spec) {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            if (s.userObject() instanceof ModelsCommand models) {
                return models.agent;
            }
        }
        return null;
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (agent != null) {
            args.add("--agent=" + agent);
        }
        if (statusFormat != null && statusFormat.json) {
            args.add("--json");
        }
        if (statusFormat != null && statusFormat.plain) {
            args.add("--plain");
        }
        return spec.subcommands().get("status").execute(args.toArray(String[]::new));
    }

    /**
     * Takes the inherited {@code --agent} off the {@link SharedDefaultsCommand}s and everything
     * below them: they work on {@code agents.defaults}, which every agent shares, so an agent
     * there would change nothing. ({@code models --agent <id> set …} stays accepted, as before.)
     */
    @RegisterForReflection
    public static class AgentScope implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec models) {
            for (CommandLine sub : models.subcommands().values()) {
                if (sub.getCommand() instanceof SharedDefaultsCommand) {
                    dropAgent(sub.getCommandSpec());
                }
            }
            return models;
        }

        private static void dropAgent(CommandSpec spec) {
            OptionSpec agent = spec.findOption("--agent");
            if (agent != null && agent.inherited()) {
                spec.remove(agent);
            }
            spec.subcommands().values().forEach(sub -> dropAgent(sub.getCommandSpec()));
        }
    }
}
