package dev.nemo.cli.auth;

import dev.nemo.cli.ExitCodes;
import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.AuthStore;
import dev.nemo.auth.CredentialKind;
import dev.nemo.auth.ProfileHealth;
import dev.nemo.auth.UsageStats;
import dev.nemo.cli.OutputFormat;
import dev.nemo.text.Durations;
import dev.nemo.config.ProviderId;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the agent's auth profiles, with those it inherits from the main agent: id, provider, kind, email "
                + "and expiry (never secret material).")
public class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputFormat format;

    @Option(names = "--provider", paramLabel = "<id>", description = "Only this provider's profiles.")
    String provider;

    /**
     * {@code state}: {@code usable}, {@code cooldown} or {@code disabled} (from {@code usageStats}, until
     * {@code unusableUntil}); the last use, last failure and failure counts are the store's as recorded.
     */
    @RegisterForReflection
    public record Row(String profileId, String provider, CredentialKind type, String email, ProfileHealth.Status status,
                      Long expiresAt, Boolean inherited, String state, Long unusableUntil, String disabledReason, Long lastUsed,
                      Long lastFailureAt, Integer errorCount, java.util.Map<String, Integer> failureCounts) {
    }

    /** {@code inheritedFrom}: the main agent's store, when the agent inherits from one. */
    @RegisterForReflection
    public record Listing(String storePath, String inheritedFrom, List<Row> profiles) {
    }

    @Override
    public Integer call() {
        AuthCommand.AgentAuth s = AuthCommand.AgentAuth.open(spec);
        String only = provider == null ? null : ProviderId.normalize(provider);
        long now = System.currentTimeMillis();
        AuthStore store = s.ctx().store();
        List<Row> rows = store.profiles().values().stream()
                .filter(p -> only == null || p.provider().equals(only))
                .sorted(java.util.Comparator.comparing(AuthProfile::provider).thenComparing(AuthProfile::id))
                .map(p -> {
                    ProfileHealth h = ProfileHealth.of(p, now);
                    UsageStats u = store.usageStats().getOrDefault(p.id(), NO_USAGE);
                    return new Row(p.id(), p.provider(), p.kind(), p.displayEmail(s.ctx().config().config().auth()),
                            h.status(), h.expiresAt(), store.inheritsProfile(p.id()) ? Boolean.TRUE : null,
                            u.state(now), u.unusableUntil() > now ? u.unusableUntil() : null,
                            u.unusableUntil() > now ? u.disabledReason() : null, positive(u.lastUsed()), positive(u.lastFailureAt()),
                            u.errorCount(), u.failureCounts().isEmpty() ? null : u.failureCounts());
                }).toList();
        Path inheritedFrom = store.inherited() == null ? null : store.inherited().store().path();
        var out = s.io().out();
        if (format.json()) {
            format.printJson(out, new Listing(store.path().toString(), inheritedFrom == null ? null : inheritedFrom.toString(), rows));
        } else if (format.plain()) {
            rows.forEach(r -> out.println(r.profileId() + "\t" + r.provider() + "\t" + r.type().wireName() + "\t" + r.status().wireName()));
        } else {
            String where = s.display(store.path()) + (inheritedFrom == null ? "" : " and the main agent's " + s.display(inheritedFrom));
            if (rows.isEmpty()) {
                out.println("No auth profiles" + (only == null ? "" : " for " + only) + " in " + where + ".");
            } else {
                out.println("Auth profiles (" + rows.size() + ") in " + where + ":");
            }
            for (Row r : rows) {
                String expiry = r.expiresAt() == null ? "" : " expires in " + Durations.remainingShort(r.expiresAt() - now);
                UsageStats u = store.usageStats().getOrDefault(r.profileId(), NO_USAGE);
                out.println("- " + r.profileId() + " " + r.type().wireName() + (r.email() != null ? " (" + r.email() + ")" : "")
                        + " " + r.status().wireName() + expiry + u.unusableTag(now) + (r.inherited() != null ? " [inherited]" : "") + usage(u, now));
            }
        }
        return ExitCodes.OK;
    }

    private static final UsageStats NO_USAGE = new UsageStats(null, null, null, null, null, java.util.Map.of(), null);

    /** {@code " | last used 2h ago | 3 errors (rate_limit 2, auth 1), last 5m ago"}; empty for a profile never used. */
    private static String usage(UsageStats u, long now) {
        StringBuilder s = new StringBuilder();
        Long lastUsed = positive(u.lastUsed());
        if (lastUsed != null) {
            s.append(" | last used ").append(Durations.remainingShort(now - lastUsed)).append(" ago");
        }
        int errors = u.errorCount() == null ? 0 : u.errorCount();
        String byReason = u.failureSummary();
        if (errors > 0 || !byReason.isEmpty()) {
            s.append(" | ").append(errors).append(errors == 1 ? " error" : " errors").append(byReason.isEmpty() ? "" : " (" + byReason + ")");
            Long lastFailure = positive(u.lastFailureAt());
            if (lastFailure != null) {
                s.append(", last ").append(Durations.remainingShort(now - lastFailure)).append(" ago");
            }
        }
        return s.toString();
    }

    private static Long positive(Long millis) {
        return millis != null && millis > 0 ? millis : null;
    }
}
