package dev.nemo.auth;

import dev.nemo.config.NemoConfig;
import dev.nemo.config.ProviderId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order the runtime tries a provider's profiles in (reference §1.6): the explicit order
 * ({@code order} in the store, else {@code auth.order} in the config) with profiles in cooldown
 * moved to the end by soonest recovery; without one, available profiles by type (oauth, token,
 * api_key) and least recently used first, then those in cooldown. Only profiles with usable
 * credentials that agree with their {@code auth.profiles} entry take part. {@code lastGood} is
 * deliberately not used, as the peer does not.
 */
public final class ProfileOrder {
    private ProfileOrder() {
    }

    /** A profile in runtime order, and until when it must not be used (0 when it may be now). */
    public record Candidate(AuthProfile profile, long unusableUntil) {
        public boolean available(long now) {
            return unusableUntil <= now;
        }
    }

    public static List<Candidate> of(AuthStore store, NemoConfig.AuthConfig config, String provider, long now) {
        String wanted = ProviderId.normalize(provider);
        List<String> explicit = explicitOrder(store.order(), wanted);
        if (explicit == null) {
            explicit = explicitOrder(config.order(), wanted);
        }
        List<String> base;
        if (explicit != null) {
            base = explicit;
        } else {
            base = config.profiles().entrySet().stream()
                    .filter(e -> e.getValue().provider() != null && ProviderId.normalize(e.getValue().provider()).equals(wanted))
                    .map(Map.Entry::getKey).toList();
            if (base.isEmpty()) {
                base = store.profilesOf(wanted).stream().map(AuthProfile::id).toList();
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Candidate> candidates = new ArrayList<>();
        for (String id : base) {
            AuthProfile p = store.profiles().get(id);
            if (p == null || !p.provider().equals(wanted) || !seen.add(id) || !agreesWithConfig(p, config) || !usable(p, now)) {
                continue;
            }
            UsageStats stats = store.usageStats().get(id);
            candidates.add(new Candidate(p, stats == null ? 0 : stats.unusableUntil()));
        }
        Comparator<Candidate> byRecovery = Comparator.comparingLong(Candidate::unusableUntil);
        List<Candidate> available = new ArrayList<>(candidates.stream().filter(c -> c.available(now)).toList());
        List<Candidate> cooling = new ArrayList<>(candidates.stream().filter(c -> !c.available(now)).sorted(byRecovery).toList());
        if (explicit == null) {
            available.sort(Comparator.comparingInt((Candidate c) -> typeRank(c.profile()))
                    .thenComparingLong(c -> lastUsed(store, c.profile())));
        }
        available.addAll(cooling);
        return available;
    }

    private static List<String> explicitOrder(Map<String, List<String>> orders, String provider) {
        for (Map.Entry<String, List<String>> e : orders.entrySet()) {
            if (ProviderId.normalize(e.getKey()).equals(provider)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** An {@code auth.profiles} entry must name the same provider and mode (config {@code oauth} also takes a stored token). */
    private static boolean agreesWithConfig(AuthProfile p, NemoConfig.AuthConfig config) {
        NemoConfig.ProfileMeta meta = config.profiles().get(p.id());
        if (meta == null) {
            return true;
        }
        if (meta.provider() != null && !ProviderId.normalize(meta.provider()).equals(p.provider())) {
            return false;
        }
        return meta.mode() == null || meta.mode().equals(p.kind().wireName())
                || meta.mode().equals(CredentialKind.OAUTH.wireName()) && p.kind() == CredentialKind.TOKEN;
    }

    /** A non-blank key; a non-blank token not past its expiry; an OAuth access or refresh token. */
    private static boolean usable(AuthProfile p, long now) {
        if (!p.hasCredential()) {
            return false;
        }
        return !(p.credential() instanceof Credential.Token t) || t.expires() == null || t.expires() <= 0 || t.expires() > now;
    }

    private static int typeRank(AuthProfile p) {
        return switch (p.kind()) {
            case OAUTH -> 0;
            case TOKEN -> 1;
            case API_KEY -> 2;
        };
    }

    private static long lastUsed(AuthStore store, AuthProfile p) {
        UsageStats stats = store.usageStats().get(p.id());
        return stats == null || stats.lastUsed() == null ? 0 : stats.lastUsed();
    }
}
