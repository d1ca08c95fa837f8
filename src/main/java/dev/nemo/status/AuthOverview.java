package dev.nemo.status;

import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.Credential;
import dev.nemo.auth.CredentialKind;
import dev.nemo.auth.KeyMask;
import dev.nemo.auth.ProfileHealth;
import dev.nemo.auth.ProviderKeys;
import dev.nemo.auth.UsageStats;
import dev.nemo.context.RunContext;
import dev.nemo.config.HomePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Per-provider auth facts (reference §3.1 "Auth overview"): which credential sources exist,
 * which one is effective, and whether a provider could authenticate at all. Keys are masked here,
 * once, so no renderer ever sees a whole secret.
 */
public final class AuthOverview {
    private final RunContext ctx;
    private final long now;

    public AuthOverview(RunContext ctx, long now) {
        this.ctx = ctx;
        this.now = now;
    }

    /** Providers with a profile, an env key or a config key, sorted by id. */
    public List<String> providersWithAuth() {
        TreeSet<String> ids = new TreeSet<>();
        ids.addAll(ctx.store().providers()); // also providers nemo does not know
        for (var provider : ctx.providers().all()) {
            if (ctx.hasAuth(provider.id())) {
                ids.add(provider.id());
            }
        }
        return new ArrayList<>(ids);
    }

    /** True when some credential of {@code provider} could authenticate a request now. */
    public boolean hasUsableAuth(String provider) {
        if (ctx.keys().envKey(provider).isPresent() || ctx.keys().configKey(provider).filter(ProviderKeys.ConfigKey::counts).isPresent()) {
            return true;
        }
        return ctx.store().profilesOf(provider).stream().anyMatch(p -> ProfileHealth.of(p, now).usable());
    }

    public StatusReport.ProviderAuth providerAuth(String provider) {
        List<AuthProfile> profiles = ctx.store().profilesOf(provider);
        Optional<ProviderKeys.EnvKey> env = ctx.keys().envKey(provider);
        Optional<ProviderKeys.ConfigKey> config = ctx.keys().configKey(provider);
        String storePath = HomePaths.display(ctx.store().pathOfProfiles(provider), ctx.env());
        String modelsJson = HomePaths.display(ctx.agent().modelsJsonPath(), ctx.env());

        StatusReport.Effective effective;
        if (!profiles.isEmpty()) {
            effective = new StatusReport.Effective("profiles", storePath);
        } else if (env.isPresent()) {
            effective = new StatusReport.Effective("env", envDetail(env.get()));
        } else if (config.isPresent()) {
            effective = new StatusReport.Effective("models.json", configDetail(config.get()));
        } else {
            effective = new StatusReport.Effective("missing", "missing");
        }
        int oauth = count(profiles, CredentialKind.OAUTH);
        int token = count(profiles, CredentialKind.TOKEN);
        int apiKey = count(profiles, CredentialKind.API_KEY);
        List<String> labels = profiles.stream().map(this::profileLabel).toList();
        return new StatusReport.ProviderAuth(provider, effective,
                new StatusReport.ProfileCounts(profiles.size(), oauth, token, apiKey, labels),
                env.map(k -> new StatusReport.KeySource(envDetail(k), k.source())).orElse(null),
                config.map(k -> new StatusReport.KeySource(configDetail(k), "models.json: " + modelsJson)).orElse(null));
    }

    /** {@code anthropic (2)}: providers with OAuth or token profiles, or an OAuth env token. */
    public List<String> providersWithOAuth() {
        List<String> out = new ArrayList<>();
        for (String provider : providersWithAuth()) {
            List<AuthProfile> profiles = ctx.store().profilesOf(provider);
            int n = count(profiles, CredentialKind.OAUTH) + count(profiles, CredentialKind.TOKEN);
            if (ctx.keys().envKey(provider).filter(ProviderKeys.EnvKey::oauth).isPresent()) {
                n++;
            }
            if (n > 0) {
                out.add(provider + " (" + n + ")");
            }
        }
        return out;
    }

    public List<StatusReport.UnusableProfile> unusableProfiles() {
        List<StatusReport.UnusableProfile> out = new ArrayList<>();
        for (AuthProfile p : ctx.store().profiles().values()) {
            UsageStats stats = ctx.store().usageStats().get(p.id());
            if (stats != null && stats.unusableUntil() > now) {
                String kind = stats.unusableKind();
                out.add(new StatusReport.UnusableProfile(p.id(), p.provider(), kind,
                        kind.equals("disabled") ? stats.disabledReason() : null, stats.unusableUntil(), stats.unusableUntil() - now));
            }
        }
        out.sort(java.util.Comparator.comparingLong(StatusReport.UnusableProfile::remainingMs));
        return out;
    }

    private String profileLabel(AuthProfile p) {
        Credential c = p.credential();
        String value;
        if (!p.hasCredential()) {
            value = "missing";
        } else if (c instanceof Credential.ApiKey k && k.pendingCommand()) {
            value = "command (not run)"; // it runs only for commands that send the key
        } else if (c instanceof Credential.OAuth) {
            String email = p.displayEmail(ctx.config().config().auth());
            value = "OAuth" + (email != null ? " (" + email + ")" : "");
        } else if (c instanceof Credential.Token) {
            value = "token:" + KeyMask.mask(c.secret());
        } else {
            value = KeyMask.mask(c.secret());
        }
        String label = p.id() + "=" + value;
        UsageStats stats = ctx.store().usageStats().get(p.id());
        return stats == null ? label : label + stats.unusableTag(now);
    }

    private static String envDetail(ProviderKeys.EnvKey key) {
        return key.oauth() ? "OAuth (env)" : KeyMask.mask(key.value());
    }

    private static String configDetail(ProviderKeys.ConfigKey key) {
        // An unresolved name might be a mistyped literal key: masked like one.
        return key.unresolved() ? "unset(" + KeyMask.mask(key.value()) + ")"
                : key.marker() ? "marker(" + key.value() + ")" : KeyMask.mask(key.value());
    }

    private static int count(List<AuthProfile> profiles, CredentialKind kind) {
        return (int) profiles.stream().filter(p -> p.kind() == kind).count();
    }
}
