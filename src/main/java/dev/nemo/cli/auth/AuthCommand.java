package dev.nemo.cli.auth;

import dev.nemo.NemoException;
import dev.nemo.cli.Invocation;
import dev.nemo.cli.SecretInput;
import dev.nemo.cli.models.ModelsCommand;
import dev.nemo.context.RunContext;
import dev.nemo.context.RunContextLoader;
import dev.nemo.config.HomePaths;
import dev.nemo.auth.AuthProfileService;
import dev.nemo.auth.oauth.LoginService;
import dev.nemo.net.NetworkSettings;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nemo models auth}: the agent's auth profiles. Without a subcommand it prints its help. */
@Command(name = "auth", mixinStandardHelpOptions = true,
        description = "Add, list, order and remove the agent's auth profiles (API keys, tokens, OAuth).",
        subcommands = {PasteTokenCommand.class, SetupTokenCommand.class, AddCommand.class, LoginCommand.class,
                ListCommand.class, RemoveCommand.class, OrderCommand.class, ClearCooldownCommand.class})
public class AuthCommand extends dev.nemo.cli.CommandGroup {

    /** The agent an auth subcommand works on: its run context and profile service, and the run's streams. */
    record AgentAuth(Invocation io, RunContext ctx, AuthProfileService profiles) {
        /** The agent {@code --agent} names (given on {@code models}, {@code auth} or the subcommand), else the default one. */
        static AgentAuth open(CommandSpec spec) {
            Invocation io = Invocation.of(spec);
            RunContext ctx = RunContextLoader.load(io.env(), ModelsCommand.agent(spec), io::warn);
            return new AgentAuth(io, ctx, new AuthProfileService(ctx.env(), ctx.config().path(), ctx.agent(), ctx.store(), ctx.providers()));
        }

        /** The login workflow on this agent's store and config, its OAuth requests on the routes of the config and environment. */
        LoginService login() {
            return new LoginService(profiles, ctx.providers(), ctx.catalog(), () -> ctx.selectionEditor(io::warn),
                    () -> NetworkSettings.of(ctx.env(), ctx.config()));
        }

        /** An instruction for the user (stderr): OAuth URLs and codes, never a secret. */
        void say(String line) {
            io.err().println(line);
            io.err().flush();
        }

        String display(Path path) {
            return HomePaths.display(path, io.env());
        }

        /**
         * Whether {@code profileId} may be written: a new id always; an existing one with
         * {@code --force}, or when the user says so on a terminal. Elsewhere an existing profile is
         * refused (exit 1, naming it), so automation never replaces a working credential silently.
         */
        boolean mayReplace(String profileId, boolean force) {
            if (force || !ctx.store().profiles().containsKey(profileId)) {
                return force;
            }
            if (io.interactive()) {
                if (SecretInput.confirm(io, "Auth profile " + profileId + " exists. Replace it?", false)) {
                    return true;
                }
                throw NemoException.failure("Auth profile " + profileId + " was kept; nothing was changed.");
            }
            throw AuthProfileService.exists(profileId, profiles.storePath());
        }

        void updated(Path... paths) {
            for (Path p : paths) {
                io.out().println("Updated " + display(p));
            }
        }
    }
}
