package dev.nemo.cli.auth;

import dev.nemo.cli.Invocation;
import dev.nemo.cli.ExitCodes;
import dev.nemo.NemoException;
import dev.nemo.cli.SecretInput;
import dev.nemo.auth.CredentialKind;
import dev.nemo.auth.ExpiryDuration;
import dev.nemo.auth.ProfileId;
import dev.nemo.auth.TokenRules;
import dev.nemo.models.ModelRef;
import dev.nemo.providers.ProviderDefinition;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Interactive wizard: provider, kind of credential (token, API key, or the provider's OAuth logins), profile id and expiry.")
public class AddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "Replace an existing profile of that id without asking.")
    boolean force;

    @Override
    public Integer call() {
        if (!Invocation.of(spec).interactive()) {
            throw NemoException.failure("auth add is interactive and needs a terminal; use "
                    + "`nemo models auth paste-token` or `nemo models auth login --provider <id>` with stdin instead.");
        }
        AuthCommand.AgentAuth s = AuthCommand.AgentAuth.open(spec);
        String provider = s.profiles().provider(SecretInput.ask(s.io(), "Provider id (see `nemo plugins list`)", ModelRef.DEFAULT_PROVIDER));
        var definition = s.ctx().providers().find(provider).orElseThrow();
        var oauthMethods = definition.loginMethods().stream().filter(m -> !m.equals(ProviderDefinition.API_KEY)).toList();
        String kind = SecretInput.ask(s.io(), "Credential kind: token or api-key" + (oauthMethods.isEmpty() ? ""
                : ", or log in with " + String.join(" or ", oauthMethods)), "token");
        if (oauthMethods.contains(kind)) {
            return done(s, s.login().oauthLogin(definition, kind, null, id -> s.mayReplace(id, force), s::say), provider,
                    CredentialKind.OAUTH);
        }
        if (kind.equals("api-key")) {
            String profile = ProfileId.of(provider, SecretInput.ask(s.io(), "Profile id", provider + ":default"), "default");
            boolean replace = s.mayReplace(profile, force);
            s.profiles().saveApiKey(provider, profile, SecretInput.read(s.io(), "API key: "), replace);
            return done(s, profile, provider, CredentialKind.API_KEY);
        }
        if (!kind.equals("token")) {
            throw NemoException.usage("Unknown credential kind \"" + kind + "\"; expected token or api-key"
                    + (oauthMethods.isEmpty() ? "" : " or " + String.join(" or ", oauthMethods)) + ".");
        }
        String profile = ProfileId.of(provider, SecretInput.ask(s.io(), "Profile id", provider + ":manual"), "manual");
        boolean replace = s.mayReplace(profile, force);
        Long expires = null;
        if (SecretInput.confirm(s.io(), "Does this token expire?", false)) {
            expires = System.currentTimeMillis() + ExpiryDuration.parseMillis(SecretInput.ask(s.io(), "Expires in", "365d"));
        }
        String token = TokenRules.check(definition, SecretInput.read(s.io(), "Paste token: "));
        s.profiles().saveToken(provider, profile, token, expires, replace);
        return done(s, profile, provider, CredentialKind.TOKEN);
    }

    private static int done(AuthCommand.AgentAuth s, String profile, String provider, CredentialKind mode) {
        s.updated(s.profiles().storePath(), s.profiles().configPath());
        s.io().out().println("Auth profile: " + profile + " (" + provider + "/" + mode.wireName() + ")");
        return ExitCodes.OK;
    }
}
