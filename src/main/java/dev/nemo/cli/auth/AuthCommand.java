package dev.nemo.cli.auth;

import dev.nemo.cli.AgentOption;
import dev.nemo.cli.CommandSupport;
import dev.nemo.cli.Terminal;
import dev.nemo.context.RunContext;
import dev.nemo.context.RunContextLoader;
import dev.nemo.config.HomePaths;
import dev.nemo.auth.AuthProfileService;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nemo models auth}: the agent's auth profiles. Without a subcommand it prints its help. */
@Command(name = "auth", mixinStandardHelpOptions = true,
        description = "Add, list, order and remove the agent's auth profiles (API keys, tokens, OAuth).",
        subcommands = {PasteTokenCommand.class, SetupTokenCommand.class, AddCommand.class, LoginCommand.class,
                ListCommand.class, RemoveCommand.class, OrderCommand.class, ClearCooldownCommand.class})
public class AuthCommand extends dev.nemo.cli.CommandGroup {

    @Option(names = "--agent", paramLabel = "<id>",
            description = "Configured agent id; overrides NEMO_AGENT_DIR and PI_CODING_AGENT_DIR.")
    String agent;


    /** What every auth subcommand starts from: the writers and the agent's context. */
    record Session(Terminal term, RunContext ctx, AuthProfileService profiles) {
        /** The subcommand's own {@code --agent} wins over the one given to {@code auth}. */
        static Session open(CommandSpec spec, AgentOption own, String parentAgent) {
            String agent = own.agent() != null ? own.agent() : parentAgent;
            Terminal term = CommandSupport.terminal(spec);
            RunContext ctx = RunContextLoader.load(term.env(), agent, term::warn);
            return new Session(term, ctx, new AuthProfileService(ctx.env(), ctx.config().path(), ctx.agent(), ctx.store(), ctx.providers()));
        }

        String display(Path path) {
            return HomePaths.display(path, term.env());
        }

        void updated(Path... paths) {
            for (Path p : paths) {
                term.out().println("Updated " + display(p));
            }
        }
    }
}
