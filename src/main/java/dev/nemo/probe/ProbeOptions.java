package dev.nemo.probe;

import dev.nemo.auth.AuthProfile;
import dev.nemo.config.ProviderId;
import java.nio.file.Path;
import java.util.List;

/**
 * What to probe and how hard. {@code models} are the {@code --probe-model} refs (empty = one model
 * per provider); {@code providerConcurrency} caps in-flight probes per provider (0 = no cap);
 * {@code mode} says whether credentials get a completion or their provider's free check;
 * {@code chain} probes the agent's model chain hop by hop instead ({@code --probe-chain}).
 */
public record ProbeOptions(String provider, List<String> profileIds, long timeoutMs, int concurrency, int maxTokens,
                           List<String> models, boolean allModels, int providerConcurrency, Path reportFile,
                           ProbeMode mode, boolean chain) {
    public static final long DEFAULT_TIMEOUT_MS = 8000;
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int DEFAULT_MAX_TOKENS = 16;

    /** A superset of the profiles the planner picks: those the provider and profile filters let through. */
    public boolean mayProbe(AuthProfile profile) {
        return (provider == null || ProviderId.normalize(provider).equals(profile.provider()))
                && (profileIds.isEmpty() || profileIds.contains(profile.id()));
    }

    public ProbeOptions {
        profileIds = List.copyOf(profileIds);
        models = List.copyOf(models);
        mode = mode == null ? ProbeMode.COMPLETION : mode;
    }

    /** Completion probes outside any chain. */
    public ProbeOptions(String provider, List<String> profileIds, long timeoutMs, int concurrency, int maxTokens,
                        List<String> models, boolean allModels, int providerConcurrency, Path reportFile) {
        this(provider, profileIds, timeoutMs, concurrency, maxTokens, models, allModels, providerConcurrency, reportFile,
                ProbeMode.COMPLETION, false);
    }
}
