package dev.nemo.auth.oauth;

import dev.nemo.NemoException;
import dev.nemo.auth.AuthProfileService;
import dev.nemo.auth.CredentialKind;
import dev.nemo.auth.ProfileId;
import dev.nemo.models.ModelCatalog;
import dev.nemo.models.ModelSlot;
import dev.nemo.models.SelectionEditor;
import dev.nemo.net.NetworkSettings;
import dev.nemo.providers.ProviderDefinition;
import dev.nemo.providers.ProviderRegistry;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The {@code auth login} workflow: check the method against the provider's login methods, get the
 * credential (an API key from the caller, or tokens from the OAuth flow), store the profile, and
 * look up (and with {@code --set-default} apply) the provider's first catalogue model.
 */
public final class LoginService {

    /** What the user asked for; {@code profileId} may be null (the method's default id). */
    public record Request(String provider, String method, String profileId, boolean setDefault) {
    }

    /**
     * The stored profile, its credential kind ({@code API_KEY} or {@code OAUTH}), the provider's
     * default model (null when the catalogue has none) and whether it became the agent's default.
     */
    public record Login(String provider, String profileId, CredentialKind kind, String defaultModel, boolean defaultSet) {
    }

    private final AuthProfileService profiles;
    private final ProviderRegistry providers;
    private final ModelCatalog catalog;
    private final Supplier<SelectionEditor> editor;
    private final Supplier<NetworkSettings> network;

    /**
     * @param editor  the config's selection editor, created only when a default model is set
     * @param network the run's routes, built only when an OAuth flow sends requests
     */
    public LoginService(AuthProfileService profiles, ProviderRegistry providers, ModelCatalog catalog,
                        Supplier<SelectionEditor> editor, Supplier<NetworkSettings> network) {
        this.profiles = profiles;
        this.providers = providers;
        this.catalog = catalog;
        this.editor = editor;
        this.network = network;
    }

    /**
     * @param readApiKey  reads the API key for the provider id it is given (asked only for {@code api-key})
     * @param mayReplace  whether an existing profile of the id it is given may be replaced (it may ask,
     *                    or throw to refuse); a new id is never asked about
     * @param say         where OAuth instructions go (stderr); tokens never pass through it
     */
    public Login login(Request request, Function<String, String> readApiKey, Predicate<String> mayReplace, Consumer<String> say) {
        String id = profiles.provider(request.provider());
        ProviderDefinition definition = providers.find(id).orElseThrow();
        String method = request.method();
        if (!definition.loginMethods().contains(method)) {
            boolean oauthMethod = method.equals(ProviderDefinition.OAUTH) || method.equals(ProviderDefinition.DEVICE);
            throw NemoException.usage("Unknown auth method " + dev.nemo.text.PrintableText.quote(method) + " for " + id + "; available: "
                    + String.join(", ", definition.loginMethods())
                    + (oauthMethod ? " (OAuth methods need models.providers." + id + ".oauth endpoints in the config)"
                    : " (see `nemo plugins list`)") + ".");
        }
        String profile;
        CredentialKind kind;
        if (method.equals(ProviderDefinition.API_KEY)) {
            profile = ProfileId.of(id, request.profileId(), "default");
            boolean replace = mayReplace.test(profile);
            String key = readApiKey.apply(id);
            if (key.chars().anyMatch(Character::isWhitespace)) {
                throw NemoException.usage("The API key contains whitespace; paste it on one line.");
            }
            profiles.saveApiKey(id, profile, key, replace);
            kind = CredentialKind.API_KEY;
        } else {
            profile = oauthLogin(definition, method, request.profileId(), mayReplace, say);
            kind = CredentialKind.OAUTH;
        }
        Optional<String> model = defaultModel(id);
        boolean set = model.isPresent() && request.setDefault();
        if (set) {
            editor.get().setPrimary(ModelSlot.TEXT, model.get());
        }
        return new Login(id, profile, kind, model.orElse(null), set);
    }

    /**
     * Runs the {@code oauth} or {@code device} flow (instructions on {@code say}) and stores the
     * profile: {@code profileId} if given, else {@code <provider>:<email>} when the answer names
     * an email, else {@code <provider>:default}. Returns the profile id.
     */
    public String oauthLogin(ProviderDefinition definition, String method, String profileId, Predicate<String> mayReplace,
                             Consumer<String> say) {
        String id = definition.id();
        String given = ProfileId.of(id, profileId, "default"); // a bad --profile-id fails before the login starts
        boolean replace = profileId != null && mayReplace.test(given);
        OAuthTokens tokens = OAuthLogin.run(method, id, definition.oauth(), network.get(), say);
        String profile = ProfileId.of(id, profileId, tokens.email() != null ? tokens.email() : "default");
        if (profileId == null) {
            replace = mayReplace.test(profile); // the id depends on the email the login named
        }
        profiles.saveOAuth(id, profile, tokens.credential(id, definition.oauth().clientId()), replace);
        return profile;
    }

    /** The provider's first model in the catalogue, the one {@code --set-default} applies. */
    private Optional<String> defaultModel(String provider) {
        return catalog.all().stream().filter(m -> m.provider().equals(provider)).map(m -> m.key()).findFirst();
    }
}
