package dev.nemo.cli.auth;

import dev.nemo.cli.ExitCodes;
import dev.nemo.auth.AuthProfile;
import dev.nemo.auth.ProfileHealth;
import dev.nemo.cli.OutputFormat;
import dev.nemo.json.PrettyJson;
import dev.nemo.text.Durations;
import dev.nemo.config.ProviderId;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the agent's auth profiles: id, provider, kind, email and expiry (never secret material).")
public class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputFormat format;

    @Option(names = "--provider", paramLabel = "<id>", description = "Only this provider's profiles.")
    String provider;

    @RegisterForReflection
    public record Row(String profileId, String provider, String type, String email, String status, Long expiresAt) {
    }

    @RegisterForReflection
    public record Listing(String storePath, List<Row> profiles) {
    }

    @Override
    public Integer call() {
        AuthCommand.AgentAuth s = AuthCommand.AgentAuth.open(spec);
        String only = provider == null ? null : ProviderId.normalize(provider);
        long now = System.currentTimeMillis();
        List<Row> rows = s.ctx().store().profiles().values().stream()
                .filter(p -> only == null || p.provider().equals(only))
                .sorted(java.util.Comparator.comparing(AuthProfile::provider).thenComparing(AuthProfile::id))
                .map(p -> {
                    ProfileHealth h = ProfileHealth.of(p, now);
                    return new Row(p.id(), p.provider(), p.type(), p.email(), h.status().wireName(), h.expiresAt());
                }).toList();
        var out = s.io().out();
        if (format.json()) {
            out.print(PrettyJson.write(new Listing(s.ctx().store().path().toString(), rows)));
        } else if (format.plain()) {
            rows.forEach(r -> out.println(r.profileId() + "\t" + r.provider() + "\t" + r.type() + "\t" + r.status()));
        } else if (rows.isEmpty()) {
            out.println("No auth profiles" + (only == null ? "" : " for " + only) + " in " + s.display(s.ctx().store().path()) + ".");
        } else {
            out.println("Auth profiles (" + rows.size() + ") in " + s.display(s.ctx().store().path()) + ":");
            for (Row r : rows) {
                String expiry = r.expiresAt() == null ? "" : " expires in " + Durations.remainingShort(r.expiresAt() - now);
                out.println("- " + r.profileId() + " " + r.type() + (r.email() != null ? " (" + r.email() + ")" : "")
                        + " " + r.status() + expiry);
            }
        }
        return ExitCodes.OK;
    }
}
