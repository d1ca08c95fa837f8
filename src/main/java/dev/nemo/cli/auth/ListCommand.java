package dev.nemo.cli.auth;

import dev.nemo.cli.ExitCodes;
import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.AuthStore;
import dev.nemo.auth.CredentialKind;
import dev.nemo.auth.ProfileHealth;
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

    @RegisterForReflection
    public record Row(String profileId, String provider, CredentialKind type, String email, ProfileHealth.Status status,
                      Long expiresAt, Boolean inherited) {
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
                    return new Row(p.id(), p.provider(), p.kind(), p.displayEmail(s.ctx().config().config().auth()),
                            h.status(), h.expiresAt(), store.inheritsProfile(p.id()) ? Boolean.TRUE : null);
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
                out.println("- " + r.profileId() + " " + r.type().wireName() + (r.email() != null ? " (" + r.email() + ")" : "")
                        + " " + r.status().wireName() + expiry + (r.inherited() != null ? " [inherited]" : ""));
            }
        }
        return ExitCodes.OK;
    }
}
