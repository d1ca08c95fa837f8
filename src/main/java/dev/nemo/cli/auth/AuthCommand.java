package dev.nemo.cli.auth;

import dev.nemo.cli.models.ModelsCommand;
import dev.nemo.cli.Invocation;
import dev.nemo.context.RunContext;
import dev.nemo.context.RunContextLoader;
import dev.nemo.config.HomePaths;
import dev.nemo.auth.AuthProfileService;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nemo models auth}: the agent's auth profiles. Without a subcommand it prints its help. */
@Command(name = "auth", mixinStandardHelpOptions = true,
        description = "Add, list, order and remove the agent's auth profiles (API keys, tokens, OAuth).",
        subcommands = {PasteTokenCommand.class, SetupTokenCommand.class, AddCommand.class, LoginCommand.class,
                ListCommand.class, RemoveCommand.class, OrderCommand.class})
public class AuthCommand extends dev.nemo.cli.CommandGroup {

    /** The agent an auth subcommand works on: its run context and profile service, and the run's streams. */
    record AgentAuth(Invocation io, RunContext ctx, AuthProfileService profiles) {
        /** The agent {@code --agent} names (given on {@code models}, {@code auth} or the subcommand), else the default one. */
        static AgentAuth open(CommandSpec spec) {
            Invocation io = Invocation.of(spec);
            RunContext ctx = RunContextLoader.load(io.env(), ModelsCommand.agent(spec), io::warn);
            return new AgentAuth(io, ctx, new AuthProfileService(ctx.env(), ctx.config().path(), ctx.agent(), ctx.store(), ctx.providers()));
        }

        String display(Path path) {
            return HomePaths.display(path, io.env());
        }

        void updated(Path... paths) {
            for (Path p : paths) {
                io.out().println("Updated " + display(p));
            }
        }
    }
}
