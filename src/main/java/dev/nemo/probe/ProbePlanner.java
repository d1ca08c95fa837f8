package dev.nemo.probe;

import dev.nemo.NemoException;
import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.CredentialKind;
import dev.nemo.auth.ProfileHealth;
import dev.nemo.auth.ProviderKeys;
import dev.nemo.context.RunContext;
import dev.nemo.models.ModelRef;
import dev.nemo.config.ProviderId;
import dev.nemo.providers.ProviderDefinition;
import dev.nemo.text.EditDistance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns config, store and options into probe targets (reference §4.1–4.3): one target per stored
 * profile and model, env or config keys when a provider has no profiles, and pre-flight rows for
 * what cannot or must not be sent (excluded by {@code auth.order}, missing or expired
 * credentials, no model, an API nemo cannot speak).
 */
public final class ProbePlanner {
    private static final int KNOWN_SHOWN = 20;
    private final RunContext ctx;
    private final ProbeOptions options;
    private final long now;
    private final ProbeModels models;
    private final Map<String, String> refreshFailures;

    public ProbePlanner(RunContext ctx, ProbeOptions options, long now) {
        this(ctx, options, now, Map.of());
    }

    /** @param refreshFailures profile id → redacted reason, for OAuth profiles whose refresh failed (rows {@code auth}) */
    public ProbePlanner(RunContext ctx, ProbeOptions options, long now, Map<String, String> refreshFailures) {
        this.ctx = ctx;
        this.options = options;
        this.now = now;
        this.models = new ProbeModels(ctx);
        this.refreshFailures = Map.copyOf(refreshFailures);
        checkFilters();
    }

    /**
     * A filter that names nothing configured is a usage error, never an empty run: a typo in
     * {@code --probe-provider}, {@code --probe-profile} or {@code --probe-model} must not keep a
     * CI check green by probing nothing.
     */
    private void checkFilters() {
        if (options.provider() != null) {
            String wanted = ProviderId.normalize(options.provider());
            TreeSet<String> universe = universe(requestedModels());
            if (!universe.contains(wanted)) {
                throw NemoException.usage("--probe-provider \"" + options.provider().trim() + "\" matches no provider with "
                        + "credentials or models here" + didYouMean(wanted, universe) + known("providers", universe));
            }
        }
        for (String id : options.profileIds()) {
            if (!ctx.store().profiles().containsKey(id)) {
                // Sorted only for the message: a store may hold 50,000 profiles.
                TreeSet<String> profileIds = new TreeSet<>(ctx.store().profiles().keySet());
                throw NemoException.usage("--probe-profile \"" + id + "\" is not a stored auth profile" + didYouMean(id, profileIds)
                        + known("profiles", profileIds));
            }
            String provider = ctx.store().profiles().get(id).provider();
            if (options.provider() != null && !provider.equals(ProviderId.normalize(options.provider()))) {
                throw NemoException.usage("--probe-profile \"" + id + "\" belongs to provider " + provider
                        + ", not to --probe-provider " + options.provider().trim());
            }
        }
        for (Map.Entry<String, List<ModelRef>> requested : requestedModels().entrySet()) {
            String provider = requested.getKey();
            if (!ctx.hasAuth(provider)) {
                TreeSet<String> withAuth = new TreeSet<>();
                ctx.providers().all().forEach(p -> {
                    if (ctx.hasAuth(p.id())) {
                        withAuth.add(p.id());
                    }
                });
                throw NemoException.usage("--probe-model " + requested.getValue().get(0).key() + ": provider " + provider
                        + " has no credential (no auth profile, env key or config key)" + didYouMean(provider, withAuth)
                        + known("providers with credentials", withAuth));
            }
        }
    }

    private static String didYouMean(String input, java.util.Collection<String> choices) {
        return EditDistance.closest(input, choices).map(c -> "; did you mean \"" + c + "\"?").orElse("");
    }

    /** The choices for an error line: the first 20, then how many more, as one line must stay readable with 50,000 profiles. */
    private static String known(String what, java.util.Collection<String> choices) {
        if (choices.isEmpty()) {
            return " (none configured)";
        }
        List<String> shown = choices.stream().limit(KNOWN_SHOWN).toList();
        String more = choices.size() > KNOWN_SHOWN ? ", and " + (choices.size() - KNOWN_SHOWN) + " more" : "";
        return " (" + what + ": " + String.join(", ", shown) + more + ")";
    }

    /**
     * The OAuth profiles {@link #plan()} would send probes with if their tokens were fresh: selected
     * by the options, not excluded by {@code auth.order}, of a provider nemo can probe with a model.
     */
    public List<AuthProfile> oauthProfilesToProbe() {
        if (options.chain()) {
            return new ChainPlanner(ctx, now, refreshFailures, models).oauthProfilesToProbe();
        }
        Map<String, List<ModelRef>> requested = requestedModels();
        List<AuthProfile> out = new ArrayList<>();
        for (String provider : providers(requested)) {
            List<ModelRef> refs = requested.isEmpty() ? modelsFor(provider) : requested.getOrDefault(provider, List.of());
            if (refs.isEmpty() && options.mode() == ProbeMode.COMPLETION
                    || !ctx.providers().find(provider).map(ProviderDefinition::probeable).orElse(false)) {
                continue;
            }
            List<String> explicitOrder = ctx.authOrder(provider);
            selectedProfiles(provider).stream()
                    .filter(p -> p.kind() == CredentialKind.OAUTH)
                    .filter(p -> explicitOrder == null || explicitOrder.contains(p.id()))
                    .forEach(out::add);
        }
        return out;
    }

    private List<AuthProfile> selectedProfiles(String provider) {
        return ctx.store().profilesOf(provider).stream()
                .filter(p -> options.profileIds().isEmpty() || options.profileIds().contains(p.id())).toList();
    }

    public ProbePlan plan() {
        if (options.chain()) {
            return new ChainPlanner(ctx, now, refreshFailures, models).plan();
        }
        Map<String, List<ModelRef>> requested = requestedModels();
        List<ProbeResult> preflight = new ArrayList<>();
        List<ProbeTarget> targets = new ArrayList<>();
        for (String provider : providers(requested)) {
            List<ModelRef> refs = requested.isEmpty() ? modelsFor(provider) : requested.getOrDefault(provider, List.of());
            planProvider(provider, refs, preflight, targets);
        }
        return new ProbePlan(preflight, targets);
    }

    private void planProvider(String provider, List<ModelRef> refs, List<ProbeResult> preflight, List<ProbeTarget> targets) {
        ProviderDefinition definition = ctx.providers().find(provider).orElse(null);
        List<AuthProfile> profiles = selectedProfiles(provider);
        if (profiles.isEmpty()) {
            if (options.profileIds().isEmpty()) {
                planDirectKey(provider, definition, refs, preflight, targets);
            }
            return;
        }
        List<String> explicitOrder = ctx.authOrder(provider);
        for (AuthProfile profile : profiles) {
            String label = ctx.profileLabel(profile);
            if (explicitOrder != null && !explicitOrder.contains(profile.id())) {
                preflight.add(row(provider, null, profile.id(), label, "profile", profile.kind(), ReasonCode.EXCLUDED_BY_AUTH_ORDER, "Excluded by auth.order for this provider."));
                continue;
            }
            String refreshFailure = refreshFailures.get(profile.id());
            if (refreshFailure != null) {
                for (ModelRef ref : refs) {
                    preflight.add(row(provider, ref.key(), profile.id(), label, "profile", profile.kind(), ReasonCode.REFRESH_FAILED, refreshFailure));
                }
                if (refs.isEmpty()) {
                    preflight.add(row(provider, null, profile.id(), label, "profile", profile.kind(), ReasonCode.REFRESH_FAILED, refreshFailure));
                }
                continue;
            }
            ProfileHealth health = ProfileHealth.of(profile, now);
            if (!profile.hasCredential() || (health.status() == ProfileHealth.Status.EXPIRED)) {
                ReasonCode reason = !profile.hasCredential() ? ReasonCode.MISSING_CREDENTIAL : ReasonCode.EXPIRED;
                preflight.add(row(provider, null, profile.id(), label, "profile", profile.kind(), reason,
                        "Auth profile credentials are missing or expired."));
                continue;
            }
            addTargets(provider, definition, refs, profile.id(), label, "profile", profile.kind(), profile.credential().secret(),
                    preflight, targets);
        }
    }

    private void planDirectKey(String provider, ProviderDefinition definition, List<ModelRef> refs,
                               List<ProbeResult> preflight, List<ProbeTarget> targets) {
        Optional<ProviderKeys.EnvKey> env = ctx.keys().envKey(provider);
        Optional<ProviderKeys.ConfigKey> config = ctx.keys().configKey(provider).filter(k -> !k.marker());
        if (env.isPresent()) {
            addTargets(provider, definition, refs, null, "env", "env", env.get().oauth() ? CredentialKind.OAUTH : CredentialKind.API_KEY,
                    env.get().value(), preflight, targets);
        } else if (config.isPresent()) {
            addTargets(provider, definition, refs, null, "models.json", "models.json", CredentialKind.API_KEY, config.get().value(),
                    preflight, targets);
        }
    }

    private void addTargets(String provider, ProviderDefinition definition, List<ModelRef> refs, String profileId, String label,
                            String source, CredentialKind mode, String credential, List<ProbeResult> preflight, List<ProbeTarget> targets) {
        if (options.mode() != ProbeMode.COMPLETION && definition != null && definition.probeable()) {
            if (FreeChecks.of(definition, mode, credential).isPresent()) {
                // One free check per credential: it tests the credential, not a model.
                targets.add(new ProbeTarget(definition, null, profileId, label, source, mode, credential, null, ProbeMethod.FREE, null));
                return;
            }
            if (options.mode() == ProbeMode.FREE) {
                preflight.add(row(provider, null, profileId, label, source, mode, ReasonCode.NO_FREE_CHECK, "provider " + provider
                        + " has no zero-token check for this credential; --probe-mode auto sends it a completion instead"));
                return;
            }
        }
        if (refs.isEmpty()) {
            preflight.add(row(provider, null, profileId, label, source, mode, ReasonCode.NO_MODEL,
                    "No model available for probe"));
            return;
        }
        if (definition == null || !definition.probeable()) {
            String api = definition == null ? null : ctx.providers().apiName(definition);
            String why = api == null ? "nemo has no API definition for provider " + provider
                    : definition.baseUrl() == null ? "provider " + provider + " has no baseUrl"
                    : "nemo cannot probe the " + api + " API";
            for (ModelRef ref : refs) {
                preflight.add(row(provider, ref.key(), profileId, label, source, mode, ReasonCode.UNSUPPORTED_API,
                        why + " (set models.providers." + provider + ".api and baseUrl)"));
            }
            return;
        }
        for (ModelRef ref : refs) {
            targets.add(new ProbeTarget(definition, ref, profileId, label, source, mode, credential, models.maxTokensField(ref)));
        }
    }

    /** Provider universe (reference §4.1), or the providers of {@code --probe-model}, filtered by {@code --probe-provider}. */
    private List<String> providers(Map<String, List<ModelRef>> requested) {
        TreeSet<String> universe = universe(requested);
        if (options.provider() != null) {
            String wanted = ProviderId.normalize(options.provider());
            universe.removeIf(p -> !p.equals(wanted));
        }
        return new ArrayList<>(universe);
    }

    private TreeSet<String> universe(Map<String, List<ModelRef>> requested) {
        TreeSet<String> universe = new TreeSet<>();
        if (!requested.isEmpty()) {
            universe.addAll(requested.keySet());
        } else {
            universe.addAll(ctx.store().providers());
            ctx.config().config().models().providers().keySet().forEach(p -> universe.add(ProviderId.normalize(p)));
            ctx.models().candidates().forEach(r -> universe.add(r.provider()));
            for (ProviderDefinition p : ctx.providers().all()) {
                if (ctx.keys().envKey(p.id()).isPresent()) {
                    universe.add(p.id());
                }
            }
        }
        return universe;
    }

    private List<ModelRef> modelsFor(String provider) {
        return options.allModels() ? models.all(provider) : models.representative(provider).map(List::of).orElse(List.of());
    }

    /** {@code --probe-model} refs (aliases allowed) grouped by provider; a ref that does not parse is a usage error. */
    private Map<String, List<ModelRef>> requestedModels() {
        Map<String, List<ModelRef>> byProvider = new LinkedHashMap<>();
        for (String raw : options.models()) {
            ModelRef ref = ctx.models().aliases().resolve(raw).orElseThrow(() -> NemoException.usage(
                    "Invalid model reference for --probe-model: \"" + raw + "\" (expected provider/model or an alias)"));
            List<ModelRef> list = byProvider.computeIfAbsent(ref.provider(), k -> new ArrayList<>());
            if (!list.contains(ref)) {
                list.add(ref);
            }
        }
        return byProvider;
    }


    static ProbeResult row(String provider, String model, String profileId, String label, String source, CredentialKind mode,
                                   ReasonCode reason, String error) {
        return new ProbeResult(provider, model, profileId, label, source, mode, reason.status(), reason, error, null, null, null);
    }
}
