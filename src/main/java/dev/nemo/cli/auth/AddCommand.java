package dev.nemo.cli.auth;

import dev.nemo.cli.Invocation;
import dev.nemo.cli.ExitCodes;
import dev.nemo.NemoException;
import dev.nemo.cli.SecretInput;
import dev.nemo.auth.CredentialKind;
import dev.nemo.cli.Prompt;
import dev.nemo.auth.ExpiryDuration;
import dev.nemo.auth.ProfileId;
import dev.nemo.auth.TokenRules;
import dev.nemo.models.ModelRef;
import dev.nemo.providers.ProviderDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Interactive wizard: provider, kind of credential (token, API key, or the provider's OAuth logins), profile id "
                + "and expiry. Choices are numbered; a wrong answer is explained and asked again; Ctrl-C saves nothing.")
public class AddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "Replace an existing profile of that id without asking.")
    boolean force;

    @Override
    public Integer call() {
        AuthCommand.AgentAuth s = AuthCommand.AgentAuth.open(spec);
        Prompt prompt = Prompt.open(s.io()).orElseThrow(() -> NemoException.failure("auth add is interactive and needs a terminal; use "
                + "`nemo models auth paste-token` or `nemo models auth login --provider <id>` with stdin instead."));
        String provider;
        String kind;
        String profile;
        Long expires = null;
        String secret = null;
        ProviderDefinition definition;
        List<String> oauthMethods;
        try (prompt) {
            List<String> providers = s.ctx().providers().all().stream().map(ProviderDefinition::id).sorted().toList();
            provider = prompt.choose("Provider", providers, providers.contains(ModelRef.DEFAULT_PROVIDER) ? ModelRef.DEFAULT_PROVIDER : null);
            definition = s.ctx().providers().find(provider).orElseThrow();
            oauthMethods = definition.loginMethods().stream().filter(m -> !m.equals(ProviderDefinition.API_KEY)).toList();
            List<String> kinds = new ArrayList<>(List.of("token", "api-key"));
            kinds.addAll(oauthMethods);
            kind = prompt.choose("Credential kind", kinds, "token");
            if (oauthMethods.contains(kind)) {
                profile = null;
            } else if (kind.equals("api-key")) {
                profile = prompt.ask("Profile id", provider + ":default", answer -> ProfileId.of(provider, answer, "default"));
                secret = prompt.secret("API key: ", AddCommand::oneLine);
            } else {
                profile = prompt.ask("Profile id", provider + ":manual", answer -> ProfileId.of(provider, answer, "manual"));
                if (prompt.confirm("Does this token expire?", false)) {
                    expires = System.currentTimeMillis() + prompt.ask("Expires in (365d, 12h, 30m)", "365d", ExpiryDuration::parseMillis);
                }
                ProviderDefinition chosen = definition;
                prompt.say(TokenRules.rule(chosen));
                secret = prompt.secret("Paste token: ", token -> TokenRules.check(chosen, token));
            }
        }
        if (oauthMethods.contains(kind)) {
            return done(s, s.login().oauthLogin(definition, kind, null, id -> s.mayReplace(id, force), s::say), provider,
                    CredentialKind.OAUTH);
        }
        if (kind.equals("api-key")) {
            boolean replace = s.mayReplace(profile, force);
            s.profiles().saveApiKey(provider, profile, secret, replace);
            return done(s, profile, provider, CredentialKind.API_KEY);
        }
        s.profiles().saveToken(provider, profile, secret, expires, s.mayReplace(profile, force));
        return done(s, profile, provider, CredentialKind.TOKEN);
    }

    private static String oneLine(String key) {
        if (key.isEmpty()) {
            throw NemoException.usage("No API key given");
        }
        if (key.chars().anyMatch(Character::isWhitespace)) {
            throw NemoException.usage("The API key contains whitespace; paste it on one line");
        }
        return key;
    }

    private static int done(AuthCommand.AgentAuth s, String profile, String provider, CredentialKind mode) {
        s.updated(s.profiles().storePath(), s.profiles().configPath());
        s.io().out().println("Auth profile: " + profile + " (" + provider + "/" + mode.wireName() + ")");
        return ExitCodes.OK;
    }
}
