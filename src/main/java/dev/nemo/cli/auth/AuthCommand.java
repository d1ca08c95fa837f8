package dev.nemo.cli.auth;

import dev.nemo.NemoException;
import dev.nemo.cli.AgentOption;
import dev.nemo.cli.SecretInput;
import dev.nemo.cli.CommandSupport;
import dev.nemo.cli.Terminal;
import dev.nemo.context.RunContext;
import dev.nemo.context.RunContextLoader;
import dev.nemo.config.HomePaths;
import dev.nemo.auth.AuthProfileService;
import dev.nemo.auth.oauth.LoginService;
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

        /** The login workflow on this agent's store and config. */
        LoginService login() {
            return new LoginService(profiles, ctx.providers(), ctx.catalog(), () -> ctx.selectionEditor(term::warn));
        }

        /** An instruction for the user (stderr): OAuth URLs and codes, never a secret. */
        void say(String line) {
            term.err().println(line);
            term.err().flush();
        }

        String display(Path path) {
            return HomePaths.display(path, term.env());
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
            if (SecretInput.interactive()) {
                if (SecretInput.confirm("Auth profile " + profileId + " exists. Replace it?", false)) {
                    return true;
                }
                throw NemoException.failure("Auth profile " + profileId + " was kept; nothing was changed.");
            }
            throw AuthProfileService.exists(profileId, profiles.storePath());
        }

        void updated(Path... paths) {
            for (Path p : paths) {
                term.out().println("Updated " + display(p));
            }
        }
    }
}
