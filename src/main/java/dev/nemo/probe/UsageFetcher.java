package dev.nemo.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.CredentialKind;
import dev.nemo.auth.ProfileHealth;
import dev.nemo.auth.ProviderKeys;
import dev.nemo.context.RunContext;
import dev.nemo.net.NetworkSettings;
import dev.nemo.providers.ApiStyle;
import dev.nemo.providers.ProviderDefinition;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code models status --usage}: the usage windows of the providers that publish them, fetched
 * concurrently on the probe engine, each bounded to {@value #TIMEOUT_MS} ms (the peer's bound):
 * Anthropic subscription and setup tokens ({@code GET /api/oauth/usage}: 5 h and 7 d windows)
 * and OpenRouter API keys ({@code GET /api/v1/key}: the key's limit and what is spent of it).
 * A fetch that fails is a row with its reason; it never fails the command. Probe answers that
 * carried usage windows in their headers ({@code --probe}) fill the same rows.
 */
public final class UsageFetcher {
    public static final long TIMEOUT_MS = 3500;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String OAUTH_BETA = "oauth-2025-04-20";
    /** Anthropic's usage windows by their field in the usage answer, shortest first. */
    private static final Map<String, String> ANTHROPIC_WINDOWS = orderedWindows();

    private UsageFetcher() {
    }

    private record Fetch(String provider, String profileId, String label, ProbeJob job) {
    }

    /**
     * Fetches every credential's usage that a provider publishes, at most {@code concurrency} at
     * once, on the run's Vert.x ({@code vertx}) and through the routes {@code network} decides.
     */
    public static List<UsageSnapshot> fetch(RunContext ctx, NetworkSettings network, int concurrency, long now,
                                            io.vertx.core.Vertx vertx) {
        List<UsageSnapshot> skipped = new ArrayList<>();
        List<Fetch> fetches = new ArrayList<>();
        plan(ctx, now, fetches, skipped);
        List<UsageSnapshot> out = new ArrayList<>(skipped);
        if (fetches.isEmpty()) {
            return out;
        }
        JobResult[] results;
        try (ProbeEngine engine = new ProbeEngine(HttpStack.sharing(vertx), network, concurrency, TIMEOUT_MS,
                ProbeOptions.DEFAULT_MAX_TOKENS, 0)) {
            results = engine.runJobs(fetches.stream().map(Fetch::job).toList(), ctx.redactor(), status -> { });
        }
        for (int i = 0; i < fetches.size(); i++) {
            Fetch f = fetches.get(i);
            JobResult r = results[i];
            if (r == null) {
                continue;
            }
            List<UsageWindow> windows = r.rateLimit() == null ? null : r.rateLimit().windows();
            boolean told = windows != null || r.account() != null;
            // A used-up key limit is usage the endpoint told, not a failed fetch.
            out.add(told ? new UsageSnapshot(f.provider(), f.profileId(), f.label(), UsageSnapshot.FROM_ENDPOINT, windows, r.account(),
                    ProbeStatus.OK, null, null)
                    : new UsageSnapshot(f.provider(), f.profileId(), f.label(), UsageSnapshot.FROM_ENDPOINT, null, null,
                    r.ok() ? ProbeStatus.FORMAT : r.status(), r.ok() ? ReasonCode.MALFORMED_RESPONSE : r.reason(),
                    r.ok() ? "the usage answer had no windows" : r.error()));
        }
        return out;
    }

    /**
     * The usage rows {@code run}'s answers told (Anthropic's unified windows on a subscription
     * token's probe, OpenRouter's key limit on its free check), for credentials {@code fetched}
     * has no good row of.
     */
    public static List<UsageSnapshot> withProbes(List<UsageSnapshot> fetched, ProbeRun run) {
        List<UsageSnapshot> out = new ArrayList<>(fetched);
        if (run == null) {
            return out;
        }
        Set<String> have = new java.util.HashSet<>();
        fetched.stream().filter(UsageSnapshot::ok).forEach(u -> have.add(u.provider() + " " + u.label()));
        for (ProbeResult r : run.results()) {
            if (r.rateLimit() == null || r.rateLimit().windows() == null || !have.add(r.provider() + " " + r.label())) {
                continue;
            }
            out.removeIf(u -> u.provider().equals(r.provider()) && u.label().equals(r.label()));
            out.add(new UsageSnapshot(r.provider(), r.profileId(), r.label(), UsageSnapshot.FROM_PROBE, r.rateLimit().windows(),
                    r.account(), ProbeStatus.OK, null, null));
        }
        return out;
    }

    private static void plan(RunContext ctx, long now, List<Fetch> fetches, List<UsageSnapshot> skipped) {
        for (String provider : List.of("anthropic", "openrouter")) {
            ProviderDefinition definition = ctx.providers().find(provider).orElse(null);
            if (definition == null || definition.baseUrl() == null) {
                continue;
            }
            List<AuthProfile> profiles = ctx.store().profilesOf(provider);
            for (AuthProfile p : profiles) {
                if (!publishes(provider, p.kind())) {
                    continue;
                }
                String label = p.displayLabel(ctx.config().config().auth());
                ProfileHealth health = ProfileHealth.of(p, now);
                if (!p.hasCredential() || health.status() == ProfileHealth.Status.EXPIRED) {
                    ReasonCode reason = p.hasCredential() ? ReasonCode.EXPIRED : ReasonCode.MISSING_CREDENTIAL;
                    skipped.add(new UsageSnapshot(provider, p.id(), label, UsageSnapshot.FROM_ENDPOINT, null, null, reason.status(), reason,
                            "not fetched: the credential is " + (p.hasCredential() ? "expired" : "missing")));
                    continue;
                }
                fetches.add(new Fetch(provider, p.id(), label, job(definition, p.credential().secret())));
            }
            if (profiles.isEmpty()) {
                directKey(ctx, provider).ifPresent(k -> fetches.add(new Fetch(provider, null, k.label(), job(definition, k.secret()))));
            }
        }
    }

    /** Anthropic publishes usage for subscription and setup tokens, OpenRouter for API keys. */
    private static boolean publishes(String provider, CredentialKind kind) {
        return provider.equals("anthropic") ? kind != CredentialKind.API_KEY : kind == CredentialKind.API_KEY;
    }

    private record DirectKey(String label, String secret) {
    }

    /** A provider without profiles: its environment key, else its config key, when of a kind that has usage. */
    private static Optional<DirectKey> directKey(RunContext ctx, String provider) {
        Optional<ProviderKeys.EnvKey> env = ctx.keys().envKey(provider);
        if (env.isPresent()) {
            return publishes(provider, env.get().oauth() ? CredentialKind.OAUTH : CredentialKind.API_KEY) ? Optional.of(new DirectKey("env", env.get().value()))
                    : Optional.empty();
        }
        return ctx.keys().configKey(provider).filter(k -> !k.marker() && publishes(provider, CredentialKind.API_KEY))
                .map(k -> new DirectKey("models.json", k.value()));
    }

    private static ProbeJob job(ProviderDefinition provider, String secret) {
        if (provider.id().equals("openrouter")) {
            FreeChecks.FreeCheck check = FreeChecks.of(provider, CredentialKind.API_KEY, secret).orElseThrow();
            URI url = FreeChecks.url(provider.baseUrl(), check);
            Map<String, String> headers = new LinkedHashMap<>(provider.headers());
            headers.put("accept", "application/json");
            headers.put("authorization", "Bearer " + secret);
            return new ProbeJob(provider.id(), ProbeRequest.get(url, headers), ApiStyle.OPENAI_COMPLETIONS, ProbeJob.BodyCheck.ANY,
                    secret, (response, now) -> FreeChecks.read(check, url, response, ApiStyle.OPENAI_COMPLETIONS, now));
        }
        URI base = URI.create(provider.baseUrl().trim());
        URI url = URI.create(base.getScheme() + "://" + base.getRawAuthority() + "/api/oauth/usage");
        Map<String, String> headers = new LinkedHashMap<>(provider.headers());
        headers.put("accept", "application/json");
        headers.put("authorization", "Bearer " + secret);
        headers.put("anthropic-beta", OAUTH_BETA);
        headers.put("anthropic-version", FreeChecks.ANTHROPIC_VERSION);
        return new ProbeJob(provider.id(), ProbeRequest.get(url, headers), ApiStyle.ANTHROPIC_MESSAGES, ProbeJob.BodyCheck.ANY, secret,
                UsageFetcher::anthropicUsage);
    }

    /**
     * Anthropic {@code GET /api/oauth/usage}: {@code five_hour}, {@code seven_day} and per-model
     * weekly windows, each {@code {utilization (percent used), resets_at}}; a window may be null.
     */
    static ProbeOutcome anthropicUsage(HttpExchange.Response response, long nowMs) {
        if (response.status() < 200 || response.status() >= 300) {
            return ProbeClassifier.classify(response, ApiStyle.ANTHROPIC_MESSAGES, nowMs);
        }
        JsonNode json;
        try {
            json = response.truncated() ? null : JSON.readTree(response.body());
        } catch (Exception e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return ProbeOutcome.failed(ReasonCode.MALFORMED_RESPONSE, "unexpected answer from the usage endpoint (not a JSON object)");
        }
        List<UsageWindow> windows = new ArrayList<>();
        for (Map.Entry<String, String> w : ANTHROPIC_WINDOWS.entrySet()) {
            JsonNode node = json.path(w.getKey());
            if (node.isObject() && node.path("utilization").isNumber()) {
                windows.add(new UsageWindow(w.getValue(), RateLimitHeaders.round(node.path("utilization").asDouble()),
                        instant(node.path("resets_at").asText(null)), null));
            }
        }
        if (windows.isEmpty()) {
            return ProbeOutcome.failed(ReasonCode.MALFORMED_RESPONSE, "the usage answer had no windows");
        }
        return new ProbeOutcome(ProbeStatus.OK, null, null, null, null, new RateLimit(null, null, windows), null);
    }

    private static Long instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, String> orderedWindows() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("five_hour", "5h");
        m.put("seven_day", "7d");
        m.put("seven_day_opus", "7d opus");
        m.put("seven_day_sonnet", "7d sonnet");
        return m;
    }
}
