package dev.nemo.cli.auth;

import dev.nemo.cli.ExitCodes;
import dev.nemo.NemoException;
import dev.nemo.cli.SecretInput;
import dev.nemo.config.ConfigFile;
import dev.nemo.models.ModelCatalog;
import dev.nemo.auth.oauth.OAuthLogin;
import dev.nemo.auth.oauth.OAuthTokens;
import dev.nemo.auth.ProfileId;
import dev.nemo.providers.ProviderDefinition;
import dev.nemo.models.ModelSlot;
import dev.nemo.models.SelectionEditor;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Run a provider's auth method and store the resulting profile.",
                "Every provider has the api-key method: the key comes from a no-echo prompt, or from standard input.",
                "Providers with models.providers.<id>.oauth endpoints also offer oauth (browser login with PKCE and a",
                "loopback redirect) and device (a code to enter on another device); instructions go to stderr."})
public class LoginCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--provider", paramLabel = "<id>", required = true, description = "Provider to log in to.")
    String provider;

    @Option(names = "--method", paramLabel = "<id>", defaultValue = "api-key", description = "Auth method: api-key, oauth or device (default: ${DEFAULT-VALUE}; see `nemo plugins list`).")
    String method;

    @Option(names = "--profile-id", paramLabel = "<id>", description = "Profile id (default: <provider>:default; OAuth logins that learn an email: <provider>:<email>).")
    String profileId;

    @Option(names = "--set-default", description = "Also make the provider's default model the agent's default.")
    boolean setDefault;

    @Override
    public Integer call() {
        AuthCommand.AgentAuth s = AuthCommand.AgentAuth.open(spec);
        String id = s.profiles().provider(provider);
        ProviderDefinition definition = s.ctx().providers().find(id).orElseThrow();
        if (!definition.loginMethods().contains(method)) {
            boolean oauthMethod = method.equals(ProviderDefinition.OAUTH) || method.equals(ProviderDefinition.DEVICE);
            throw NemoException.usage("Unknown auth method \"" + method + "\" for " + id + "; available: "
                    + String.join(", ", definition.loginMethods())
                    + (oauthMethod ? " (OAuth methods need models.providers." + id + ".oauth endpoints in the config)"
                    : " (see `nemo plugins list`)") + ".");
        }
        String profile;
        String mode;
        if (method.equals(ProviderDefinition.API_KEY)) {
            profile = ProfileId.of(id, profileId, "default");
            String key = SecretInput.read(s.io(), "API key for " + id + ": ");
            if (key.chars().anyMatch(Character::isWhitespace)) {
                throw NemoException.usage("The API key contains whitespace; paste it on one line.");
            }
            s.profiles().saveApiKey(id, profile, key);
            mode = "api_key";
        } else {
            profile = oauthLogin(s, definition, method, profileId);
            mode = "oauth";
        }
        s.updated(s.profiles().storePath(), s.profiles().configPath());
        s.io().out().println("Auth profile: " + profile + " (" + id + "/" + mode + ")");
        Optional<String> model = defaultModel(s, id);
        if (model.isPresent() && setDefault) {
            ConfigFile file = new ConfigFile(s.ctx().config().path(), s.ctx().env());
            new SelectionEditor(file, ModelCatalog.load(s.ctx().config().config(), s.ctx().providers()), s.io()::warn)
                    .setPrimary(ModelSlot.TEXT, model.get());
            s.io().out().println("Default model set to " + model.get());
        } else if (model.isPresent()) {
            s.io().out().println("Default model available: " + model.get() + " (use --set-default to apply)");
        }
        return ExitCodes.OK;
    }

    /**
     * Runs the {@code oauth} or {@code device} flow (instructions on stderr) and stores the
     * profile: {@code profileId} if given, else {@code <provider>:<email>} when the answer names
     * an email, else {@code <provider>:default}. Returns the profile id.
     */
    static String oauthLogin(AuthCommand.AgentAuth s, ProviderDefinition definition, String method, String profileId) {
        String id = definition.id();
        ProfileId.of(id, profileId, "default"); // a bad --profile-id fails before the login starts
        OAuthTokens tokens = OAuthLogin.run(method, id, definition.oauth(), line -> {
            s.io().err().println(line);
            s.io().err().flush();
        });
        String profile = ProfileId.of(id, profileId, tokens.email() != null ? tokens.email() : "default");
        s.profiles().saveOAuth(id, profile, tokens.credential(id, definition.oauth().clientId()));
        return profile;
    }

    private static Optional<String> defaultModel(AuthCommand.AgentAuth s, String provider) {
        return ModelCatalog.load(s.ctx().config().config(), s.ctx().providers()).all().stream()
                .filter(m -> m.provider().equals(provider)).map(m -> m.key()).findFirst();
    }
}
