package dev.nemo.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nemo.auth.CredentialKind;
import dev.nemo.auth.ProfileHealth;
import dev.nemo.probe.ProbeRun;
import dev.nemo.probe.UsageSnapshot;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code models status} shows, with the peer's JSON field names (reference §3.3).
 * Null fields are omitted from JSON, except {@code imageModel}, which the peer prints as null.
 */
@RegisterForReflection(targets = {StatusReport.class, StatusReport.ModelConfigSource.class, StatusReport.Auth.class,
        StatusReport.ShellEnvFallback.class, StatusReport.ProviderAuth.class, StatusReport.Effective.class,
        StatusReport.ProfileCounts.class, StatusReport.KeySource.class, StatusReport.UnusableProfile.class,
        StatusReport.OAuth.class, StatusReport.ProfileHealthView.class, StatusReport.ProviderHealth.class})
public record StatusReport(String configPath, String agentId, String agentDir, String defaultModel, String resolvedDefault,
                           List<String> fallbacks, @JsonInclude(JsonInclude.Include.ALWAYS) String imageModel,
                           List<String> imageFallbacks, ModelConfigSource modelConfig, Map<String, String> aliases,
                           List<String> allowed, Auth auth) {

    public record ModelConfigSource(String defaultSource, String fallbacksSource) {
    }

    /** {@code usage}: the providers' usage windows ({@code --usage}, or what probes told), else null. */
    public record Auth(String storePath, ShellEnvFallback shellEnvFallback, List<String> providersWithOAuth,
                       List<String> missingProvidersInUse, List<ProviderAuth> providers,
                       List<UnusableProfile> unusableProfiles, OAuth oauth, ProbeRun probes, List<UsageSnapshot> usage) {

        /** The auth section without usage. */
        public Auth(String storePath, ShellEnvFallback shellEnvFallback, List<String> providersWithOAuth,
                    List<String> missingProvidersInUse, List<ProviderAuth> providers,
                    List<UnusableProfile> unusableProfiles, OAuth oauth, ProbeRun probes) {
            this(storePath, shellEnvFallback, providersWithOAuth, missingProvidersInUse, providers, unusableProfiles, oauth, probes, null);
        }

        public Auth withProbes(ProbeRun probes) {
            return new Auth(storePath, shellEnvFallback, providersWithOAuth, missingProvidersInUse, providers,
                    unusableProfiles, oauth, probes, usage);
        }

        public Auth withUsage(List<UsageSnapshot> usage) {
            return new Auth(storePath, shellEnvFallback, providersWithOAuth, missingProvidersInUse, providers,
                    unusableProfiles, oauth, probes, usage);
        }
    }

    public record ShellEnvFallback(boolean enabled, List<String> appliedKeys) {
    }

    public record ProviderAuth(String provider, Effective effective, ProfileCounts profiles, KeySource env,
                               KeySource modelsJson) {
    }

    public record Effective(String kind, String detail) {
    }

    public record ProfileCounts(int count, int oauth, int token, int apiKey, List<String> labels) {
    }

    public record KeySource(String value, String source) {
    }

    public record UnusableProfile(String profileId, String provider, String kind, String reason, long until,
                                  long remainingMs) {
    }

    public record OAuth(long warnAfterMs, List<ProfileHealthView> profiles, List<ProviderHealth> providers) {
    }

    public record ProfileHealthView(String profileId, String provider, CredentialKind type, ProfileHealth.Status status, Long expiresAt,
                                    Long remainingMs, Boolean refreshable, String source, String label) {
    }

    public record ProviderHealth(String provider, ProfileHealth.Status status, Long expiresAt, Long remainingMs,
                                 List<ProfileHealthView> profiles) {
    }

    public StatusReport withAuth(Auth newAuth) {
        return new StatusReport(configPath, agentId, agentDir, defaultModel, resolvedDefault, fallbacks, imageModel,
                imageFallbacks, modelConfig, aliases, allowed, newAuth);
    }
}
