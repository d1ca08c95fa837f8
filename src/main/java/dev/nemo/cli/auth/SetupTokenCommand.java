package dev.nemo.cli.auth;

import dev.nemo.cli.Invocation;
import dev.nemo.cli.ExitCodes;
import dev.nemo.NemoException;
import dev.nemo.cli.Prompt;
import dev.nemo.auth.ProfileId;
import dev.nemo.auth.TokenRules;
import dev.nemo.models.ModelRef;
import dev.nemo.providers.ProviderDefinition;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "setup-token", mixinStandardHelpOptions = true,
        description = {"Guided setup-token flow: paste the output of `claude setup-token` at a no-echo prompt.",
                "Needs a terminal; automation pipes the token to `paste-token` instead."})
public class SetupTokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--provider", paramLabel = "<id>", defaultValue = ModelRef.DEFAULT_PROVIDER, description = "Provider (default: ${DEFAULT-VALUE}).")
    String provider;

    @Option(names = "--yes", description = "Skip the confirmation.")
    boolean yes;

    @Override
    public Integer call() {
        AuthCommand.AgentAuth s = AuthCommand.AgentAuth.open(spec);
        String id = s.profiles().provider(provider);
        ProviderDefinition definition = s.ctx().providers().find(id).orElseThrow();
        String profile = ProfileId.of(id, null, "manual");
        boolean replace = s.mayReplace(profile, false); // asked before the token, not after
        Prompt prompt = Prompt.open(s.io()).orElseThrow(() -> NemoException.failure("setup-token requires an interactive terminal; "
                + "pipe the token to `nemo models auth paste-token --provider " + provider + "` instead."));
        String token;
        try (prompt) {
            if (!yes && !prompt.confirm("Continue with " + id + " token auth?", true)) {
                s.io().out().println("Cancelled; nothing was saved.");
                return ExitCodes.OK;
            }
            definition.setupToken().ifPresent(t -> prompt.say("Run `" + t.command() + "` on any machine and paste its output here."));
            prompt.say(TokenRules.rule(definition));
            token = prompt.secret("Paste setup token: ", pasted -> TokenRules.check(definition, pasted));
        }
        s.profiles().saveToken(id, profile, token, null, replace);
        s.updated(s.profiles().storePath(), s.profiles().configPath());
        s.io().out().println("Auth profile: " + profile + " (" + id + "/token)");
        return ExitCodes.OK;
    }
}
