package dev.nemo.cli.auth;

import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.SecretInput;
import dev.nemo.auth.ExpiryDuration;
import dev.nemo.auth.ProfileId;
import dev.nemo.auth.TokenRules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "paste-token", mixinStandardHelpOptions = true,
        description = {"Store a token generated elsewhere as a `token` profile.",
                "The token is read from a no-echo prompt on a terminal, else from standard input."})
public class PasteTokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--provider", paramLabel = "<id>", required = true, description = "Provider the token is for.")
    String provider;

    @Option(names = "--profile-id", paramLabel = "<id>", description = "Profile id (default: <provider>:manual).")
    String profileId;

    @Option(names = "--expires-in", paramLabel = "<duration>", description = "Token lifetime: 365d, 12h, 30m (default: no expiry).")
    String expiresIn;

    @Option(names = "--force", description = "Replace an existing profile of that id without asking.")
    boolean force;

    @Override
    public Integer call() {
        AuthCommand.AgentAuth s = AuthCommand.AgentAuth.open(spec);
        String id = s.profiles().provider(provider);
        String profile = ProfileId.of(id, profileId, "manual");
        Long expires = expiresIn == null ? null : System.currentTimeMillis() + ExpiryDuration.parseMillis(expiresIn);
        boolean replace = s.mayReplace(profile, force);
        String token = TokenRules.check(s.ctx().providers().find(id).orElseThrow(), SecretInput.read(s.io(), "Paste token for " + id + ": "));
        s.profiles().saveToken(id, profile, token, expires, replace);
        s.updated(s.profiles().storePath(), s.profiles().configPath());
        s.io().out().println("Auth profile: " + profile + " (" + id + "/token)");
        return ExitCodes.OK;
    }
}
