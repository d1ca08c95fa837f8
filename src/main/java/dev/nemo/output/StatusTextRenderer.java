package dev.nemo.output;

import dev.nemo.auth.ProfileHealth;
import dev.nemo.config.Environment;
import dev.nemo.text.Durations;
import dev.nemo.config.HomePaths;
import dev.nemo.probe.UsageSnapshot;
import dev.nemo.status.StatusReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The human view of {@code models status} (reference §3.1); the probe section is appended by its own renderer. */
public final class StatusTextRenderer {
    private static final int LABEL_WIDTH = 14;

    private final Environment env;
    private final long now;
    private final ZoneId zone;

    public StatusTextRenderer(Environment env) {
        this(env, System.currentTimeMillis(), ZoneId.systemDefault());
    }

    /** {@code now} and {@code zone} place the reset times of usage windows. */
    StatusTextRenderer(Environment env, long now, ZoneId zone) {
        this.env = env;
        this.now = now;
        this.zone = zone;
    }

    /** @param missingHints provider → how to add auth, for the "Missing auth" section */
    public void render(StatusReport r, Map<String, String> missingHints, PrintWriter out) {
        String agentSuffix = r.modelConfig() == null ? "" : " (" + r.modelConfig().defaultSource() + ")";
        String fallbackSuffix = r.modelConfig() == null ? "" : " (" + r.modelConfig().fallbacksSource() + ")";
        line(out, "Config", path(r.configPath()));
        line(out, "Agent dir", path(r.agentDir()));
        String from = r.defaultModel() != null && !r.defaultModel().equals(r.resolvedDefault()) ? " (from " + r.defaultModel() + ")" : "";
        line(out, "Default" + agentSuffix, r.resolvedDefault() + from);
        line(out, "Fallbacks (" + r.fallbacks().size() + ")" + fallbackSuffix, joinOrDash(r.fallbacks()));
        line(out, "Image model", r.imageModel() == null ? "-" : r.imageModel());
        line(out, "Image fallbacks (" + r.imageFallbacks().size() + ")", joinOrDash(r.imageFallbacks()));
        line(out, "Aliases (" + r.aliases().size() + ")", r.aliases().isEmpty() ? "-"
                : r.aliases().entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue()).collect(Collectors.joining(", ")));
        line(out, "Configured models (" + r.allowed().size() + ")", r.allowed().isEmpty() ? "all" : String.join(", ", r.allowed()));

        StatusReport.Auth auth = r.auth();
        out.println();
        out.println("Auth overview");
        line(out, "Auth store", path(auth.storePath()));
        line(out, "Shell env", auth.shellEnvFallback().enabled() ? "on" : "off");
        line(out, "Providers w/ OAuth/tokens (" + auth.providersWithOAuth().size() + ")", joinOrDash(auth.providersWithOAuth()));
        for (StatusReport.ProviderAuth p : auth.providers()) {
            out.println("- " + p.provider() + " " + providerLine(p));
        }
        if (!auth.missingProvidersInUse().isEmpty()) {
            out.println();
            out.println("Missing auth");
            for (String provider : auth.missingProvidersInUse()) {
                out.println("- " + provider + " " + missingHints.getOrDefault(provider, ""));
            }
        }
        out.println();
        out.println("OAuth/token status");
        List<StatusReport.ProviderHealth> withTokens = auth.oauth().providers().stream()
                .filter(p -> p.profiles().stream().anyMatch(StatusTextRenderer::showsExpiry)).toList();
        List<UsageSnapshot> usage = auth.usage() == null ? List.of() : auth.usage();
        if (withTokens.isEmpty() && usage.isEmpty()) {
            out.println("- none");
        }
        Set<UsageSnapshot> shown = new HashSet<>();
        for (StatusReport.ProviderHealth provider : withTokens) {
            List<UsageSnapshot> own = usage.stream().filter(u -> u.provider().equals(provider.provider())).toList();
            // One usage row is the provider's (the peer's "- anthropic usage: …"); several go on their profiles' lines.
            out.println("- " + provider.provider() + (own.size() == 1 ? " usage: " + usageText(own.get(0)) : ""));
            if (own.size() == 1) {
                shown.add(own.get(0));
            }
            provider.profiles().stream().filter(StatusTextRenderer::showsExpiry).forEach(p -> {
                UsageSnapshot mine = own.size() > 1 ? own.stream().filter(u -> p.profileId().equals(u.profileId())).findFirst().orElse(null) : null;
                if (mine != null) {
                    shown.add(mine);
                }
                out.println("  - " + p.label() + " " + healthText(p) + (mine == null ? "" : " · usage: " + usageText(mine)));
            });
        }
        for (UsageSnapshot u : usage) {
            if (!shown.contains(u)) {
                boolean several = usage.stream().filter(o -> o.provider().equals(u.provider())).count() > 1;
                out.println("- " + u.provider() + " usage" + (several ? " (" + u.label() + ")" : "") + ": " + usageText(u));
            }
        }
    }

    /** {@code 5h 62% left (resets 14:00) · week 80% left (resets Tue 09:00)}, or why it is unavailable. */
    private String usageText(UsageSnapshot u) {
        if (!u.ok()) {
            return "unavailable (" + (u.reasonCode() != null ? u.reasonCode().wireName() : u.status().wireName())
                    + (u.error() != null ? ": " + u.error() : "") + ")";
        }
        List<String> parts = new ArrayList<>();
        if (u.windows() != null) {
            u.windows().forEach(w -> parts.add(HeadroomText.window(w, true, now, zone)));
        }
        String account = HeadroomText.account(u.account());
        if (!account.isEmpty()) {
            parts.add(account);
        }
        return parts.isEmpty() ? "-" : String.join(" · ", parts);
    }

    private static boolean showsExpiry(StatusReport.ProfileHealthView p) {
        return p.type().expires();
    }

    static String healthText(StatusReport.ProfileHealthView p) {
        String word = switch (p.status()) {
            case OK, STATIC, EXPIRING -> p.status().wireName();
            case MISSING -> "unknown";
            case EXPIRED -> Boolean.TRUE.equals(p.refreshable()) ? "expired (refreshable)" : "expired";
        };
        if (p.status() == ProfileHealth.Status.STATIC) {
            return word;
        }
        return word + (p.expiresAt() == null ? " expires unknown" : " expires in " + Durations.remainingShort(p.remainingMs()));
    }

    private static String providerLine(StatusReport.ProviderAuth p) {
        StringBuilder s = new StringBuilder("effective=" + p.effective().kind() + ":" + p.effective().detail());
        if (p.profiles().count() > 0) {
            s.append(" | profiles=").append(p.profiles().count()).append(" (oauth=").append(p.profiles().oauth())
                    .append(", token=").append(p.profiles().token()).append(", api_key=").append(p.profiles().apiKey()).append(")");
            s.append(" | ").append(String.join(", ", p.profiles().labels()));
        }
        if (p.env() != null) {
            s.append(" | env=").append(p.env().value()).append(" | source=").append(p.env().source());
        }
        if (p.modelsJson() != null) {
            s.append(" | models.json=").append(p.modelsJson().value()).append(" | source=").append(p.modelsJson().source());
        }
        return s.toString();
    }

    private String path(String absolute) {
        return HomePaths.display(Path.of(absolute), env);
    }

    static void line(PrintWriter out, String label, String value) {
        out.println(String.format("%-" + LABEL_WIDTH + "s: %s", label, value));
    }

    private static String joinOrDash(List<String> values) {
        return values.isEmpty() ? "-" : String.join(", ", values);
    }
}
