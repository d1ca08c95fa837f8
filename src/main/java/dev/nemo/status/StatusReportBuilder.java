package dev.nemo.status;

import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.Credential;
import dev.nemo.auth.ProfileHealth;
import dev.nemo.auth.ProfileHealth.Status;
import dev.nemo.context.RunContext;
import dev.nemo.models.ModelSelection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link StatusReport} of {@code models status} from one run's context. */
public final class StatusReportBuilder {
    private final RunContext ctx;
    private final long now;
    private final AuthOverview overview;

    public StatusReportBuilder(RunContext ctx, long now) {
        this.ctx = ctx;
        this.now = now;
        this.overview = new AuthOverview(ctx, now);
    }

    public StatusReport report() {
        ModelSelection m = ctx.models();
        boolean explicit = ctx.agent().explicit();
        StatusReport.Auth auth = new StatusReport.Auth(
                ctx.store().path().toString(),
                new StatusReport.ShellEnvFallback(ctx.config().config().shellEnvEnabled(), List.of()),
                overview.providersWithOAuth(),
                missingProvidersInUse(),
                overview.providersWithAuth().stream().map(overview::providerAuth).toList(),
                overview.unusableProfiles(),
                oauth(),
                null);
        return new StatusReport(ctx.paths().configPath().toString(), explicit ? ctx.agent().agentId() : null,
                ctx.agent().agentDir().toString(), m.rawDefault() != null ? m.rawDefault() : m.resolvedDefault().key(),
                m.resolvedDefault().key(), m.fallbacks(), m.imageModel(), m.imageFallbacks(),
                explicit ? new StatusReport.ModelConfigSource(m.defaultSource(), m.fallbacksSource()) : null,
                m.aliases().aliases(), m.allowed(), auth);
    }

    /** Providers the agent's models run on that have no usable credential (none, or only expired ones). */
    public List<String> missingProvidersInUse() {
        return ctx.models().providersInUse().stream().filter(p -> !overview.hasUsableAuth(p)).toList();
    }

    /**
     * Profiles of providers in use whose token or OAuth credential expires within the warning
     * window. OAuth profiles with a refresh token are left out: they renew themselves, and
     * short-lived access tokens would otherwise keep every check at 2.
     */
    public List<String> expiringProfilesInUse() {
        return ctx.models().providersInUse().stream()
                .flatMap(p -> ctx.store().profilesOf(p).stream())
                .filter(p -> !(p.credential() instanceof Credential.OAuth o && o.refreshable()))
                .map(p -> ProfileHealth.of(p, now))
                .filter(h -> h.status() == ProfileHealth.Status.EXPIRING)
                .map(h -> h.profile().id())
                .toList();
    }

    private StatusReport.OAuth oauth() {
        List<AuthProfile> sorted = new ArrayList<>(ctx.store().profiles().values());
        sorted.sort(Comparator.comparing(AuthProfile::provider).thenComparing(AuthProfile::id));
        List<StatusReport.ProfileHealthView> views = sorted.stream().map(p -> view(ProfileHealth.of(p, now))).toList();
        Map<String, List<StatusReport.ProfileHealthView>> byProvider = new LinkedHashMap<>();
        views.forEach(v -> byProvider.computeIfAbsent(v.provider(), k -> new ArrayList<>()).add(v));
        List<StatusReport.ProviderHealth> providers = new ArrayList<>();
        byProvider.forEach((provider, profiles) -> providers.add(rollUp(provider, profiles)));
        return new StatusReport.OAuth(ProfileHealth.WARN_AFTER_MS, views, providers);
    }

    /**
     * Reference §3.3: {@code static} when the provider has only API keys; otherwise over its token
     * and OAuth profiles, where a token without expiry (profile status {@code static}) counts as
     * {@code ok}.
     */
    private static StatusReport.ProviderHealth rollUp(String provider, List<StatusReport.ProfileHealthView> profiles) {
        List<StatusReport.ProfileHealthView> expiring = profiles.stream()
                .filter(p -> p.type().expires()).toList();
        Status status;
        if (expiring.isEmpty()) {
            status = Status.STATIC;
        } else if (expiring.stream().anyMatch(p -> p.status() == Status.MISSING
                || (p.status() == Status.EXPIRED && !Boolean.TRUE.equals(p.refreshable())))) {
            status = Status.EXPIRED;
        } else if (expiring.stream().anyMatch(p -> p.status() == Status.EXPIRING || p.status() == Status.EXPIRED)) {
            status = Status.EXPIRING; // expired but refreshable: renewed at use
        } else {
            status = Status.OK;
        }
        Long expiresAt = expiring.stream().map(StatusReport.ProfileHealthView::expiresAt)
                .filter(java.util.Objects::nonNull).min(Long::compare).orElse(null);
        Long remaining = expiresAt == null ? null : expiring.stream().map(StatusReport.ProfileHealthView::remainingMs)
                .filter(java.util.Objects::nonNull).min(Long::compare).orElse(null);
        return new StatusReport.ProviderHealth(provider, status, expiresAt, remaining, profiles);
    }

    private StatusReport.ProfileHealthView view(ProfileHealth h) {
        AuthProfile p = h.profile();
        return new StatusReport.ProfileHealthView(p.id(), p.provider(), p.kind(), h.status(), h.expiresAt(),
                h.remainingMs(), h.refreshable() ? Boolean.TRUE : null, "store", ctx.profileLabel(p));
    }
}
