package dev.nemo.probe;

import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.CredentialKind;
import dev.nemo.auth.Credential;
import dev.nemo.auth.ProfileOrder;
import dev.nemo.auth.ProviderKeys;
import dev.nemo.context.RunContext;
import dev.nemo.models.ModelRef;
import dev.nemo.models.ModelSelection;
import dev.nemo.providers.ProviderDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --probe-chain}: one target per hop of the agent's model chains, in the order the runtime
 * tries them (default, then fallbacks; image model, then image fallbacks), each with the
 * credential the runtime would pick: the first available profile in {@link ProfileOrder} (so an
 * explicit {@code auth.order} first, profiles in cooldown skipped), else the environment key,
 * else the config key. A hop that cannot be sent is a pre-flight row at its place: every profile
 * in cooldown ({@code cooldown}, transient), no credential, an API nemo cannot speak.
 */
final class ChainPlanner {
    private final RunContext ctx;
    private final long now;
    private final Map<String, String> refreshFailures;
    private final ProbeModels models;

    ChainPlanner(RunContext ctx, long now, Map<String, String> refreshFailures, ProbeModels models) {
        this.ctx = ctx;
        this.now = now;
        this.refreshFailures = refreshFailures;
        this.models = models;
    }

    private record Hop(String name, ModelRef ref) {
    }

    /** The hops: the model chain, then the image chain when an image model is set. Refs that do not resolve are not hops. */
    private List<Hop> hops() {
        ModelSelection m = ctx.models();
        List<Hop> hops = new ArrayList<>();
        hops.add(new Hop(ProbeChain.modelHop(0), m.resolvedDefault()));
        for (int i = 0; i < m.fallbacks().size(); i++) {
            int index = i + 1;
            m.aliases().resolve(m.fallbacks().get(i)).ifPresent(ref -> hops.add(new Hop(ProbeChain.modelHop(index), ref)));
        }
        if (m.imageModel() != null) {
            m.aliases().resolve(m.imageModel()).ifPresent(ref -> hops.add(new Hop(ProbeChain.imageHop(0), ref)));
            for (int i = 0; i < m.imageFallbacks().size(); i++) {
                int index = i + 1;
                m.aliases().resolve(m.imageFallbacks().get(i)).ifPresent(ref -> hops.add(new Hop(ProbeChain.imageHop(index), ref)));
            }
        }
        return hops;
    }

    /** The OAuth profiles the hops would be sent with, to refresh first when their tokens are due. */
    List<AuthProfile> oauthProfilesToProbe() {
        List<AuthProfile> out = new ArrayList<>();
        for (Hop hop : hops()) {
            picked(hop.ref().provider()).map(ProfileOrder.Candidate::profile)
                    .filter(p -> p.credential() instanceof Credential.OAuth && !out.contains(p)).ifPresent(out::add);
        }
        return out;
    }

    private Optional<ProfileOrder.Candidate> picked(String provider) {
        return ProfileOrder.of(ctx.store(), ctx.config().config().auth(), provider, now).stream().filter(c -> c.available(now)).findFirst();
    }

    ProbePlan plan() {
        List<ProbeResult> preflight = new ArrayList<>();
        List<ProbeTarget> targets = new ArrayList<>();
        for (Hop hop : hops()) {
            planHop(hop, preflight, targets);
        }
        return new ProbePlan(preflight, targets);
    }

    private void planHop(Hop hop, List<ProbeResult> preflight, List<ProbeTarget> targets) {
        String provider = hop.ref().provider();
        String model = hop.ref().key();
        ProviderDefinition definition = ctx.providers().find(provider).orElse(null);
        List<ProfileOrder.Candidate> order = ProfileOrder.of(ctx.store(), ctx.config().config().auth(), provider, now);
        Optional<ProfileOrder.Candidate> pick = order.stream().filter(c -> c.available(now)).findFirst();
        String profileId;
        String label;
        String source;
        CredentialKind mode;
        String secret;
        if (pick.isPresent()) {
            AuthProfile p = pick.get().profile();
            profileId = p.id();
            label = p.displayLabel(ctx.config().config().auth());
            source = "profile";
            mode = p.kind();
            secret = p.credential().secret();
            String refreshFailure = refreshFailures.get(p.id());
            if (refreshFailure != null) {
                preflight.add(ProbePlanner.row(provider, model, profileId, label, source, mode, ReasonCode.REFRESH_FAILED, refreshFailure)
                        .atHop(hop.name()));
                return;
            }
        } else if (!order.isEmpty()) {
            ProfileOrder.Candidate soonest = order.get(0); // cooling profiles come last, soonest recovery first
            AuthProfile p = soonest.profile();
            ProbeResult row = ProbePlanner.row(provider, model, p.id(), p.displayLabel(ctx.config().config().auth()), "profile", p.kind(),
                    ReasonCode.IN_COOLDOWN, "every profile of " + provider + " is in cooldown; the runtime would skip this hop");
            preflight.add(new ProbeResult(row.provider(), row.model(), row.profileId(), row.label(), row.source(), row.mode(), row.status(),
                    row.reasonCode(), row.error(), null, null, Math.max(0, soonest.unusableUntil() - now), null, null, null, hop.name()));
            return;
        } else {
            Optional<ProviderKeys.EnvKey> env = ctx.keys().envKey(provider);
            Optional<ProviderKeys.ConfigKey> config = ctx.keys().configKey(provider).filter(k -> !k.marker());
            if (env.isEmpty() && config.isEmpty()) {
                preflight.add(ProbePlanner.row(provider, model, null, provider, "profile", null, ReasonCode.MISSING_CREDENTIAL,
                        "no usable credential for " + provider + " (no profile, env key or config key)").atHop(hop.name()));
                return;
            }
            profileId = null;
            label = env.isPresent() ? "env" : "models.json";
            source = label;
            mode = env.isPresent() && env.get().oauth() ? CredentialKind.OAUTH : CredentialKind.API_KEY;
            secret = env.isPresent() ? env.get().value() : config.get().value();
        }
        if (definition == null || !definition.probeable()) {
            preflight.add(ProbePlanner.row(provider, model, profileId, label, source, mode, ReasonCode.UNSUPPORTED_API,
                    "nemo cannot probe provider " + provider + " (set models.providers." + provider + ".api and baseUrl)").atHop(hop.name()));
            return;
        }
        targets.add(new ProbeTarget(definition, hop.ref(), profileId, label, source, mode, secret, models.maxTokensField(hop.ref()),
                ProbeMethod.COMPLETION, hop.name()));
    }
}
