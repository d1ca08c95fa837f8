package dev.nemo.status;

import dev.nemo.probe.Health;
import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeRun;
import dev.nemo.probe.ProbeStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --check} verdict: failing when a provider the agent's models run on has no usable
 * credential, a warning when one of their tokens expires within 24 h. Only providers in use
 * count, so an expired profile nobody uses never fails a pipeline (the peer's #42721).
 */
public record CheckVerdict(List<String> missingProvidersInUse, List<String> expiringProfilesInUse) {

    public static CheckVerdict of(StatusReportBuilder status) {
        return new CheckVerdict(status.missingProvidersInUse(), status.expiringProfilesInUse());
    }

    public Health health() {
        if (!missingProvidersInUse.isEmpty()) {
            return Health.FAILING;
        }
        return expiringProfilesInUse.isEmpty() ? Health.HEALTHY : Health.WARNING;
    }

    /** One reason a check did not pass: a failure (exit 1) or a warning (exit 2), in words a person can act on. */
    public record Reason(Health severity, String text) {
    }

    /**
     * Every reason behind the verdict, failures first: what is missing or expiring, and (with
     * {@code run}, may be null) each probe that did not end {@code ok}, rows excluded by
     * {@code auth.order} aside.
     */
    public List<Reason> reasons(ProbeRun run) {
        List<Reason> failures = new ArrayList<>();
        List<Reason> warnings = new ArrayList<>();
        missingProvidersInUse.forEach(p -> failures.add(new Reason(Health.FAILING, "provider " + p
                + " is used by the agent's models but has no usable credential (none, or only expired ones);"
                + " add one with `nemo models auth login --provider " + p + "`")));
        expiringProfilesInUse.forEach(id -> warnings.add(new Reason(Health.WARNING, "the token of auth profile " + id
                + " expires within 24 h")));
        if (run != null) {
            for (ProbeResult r : run.results()) {
                if (r.status() == ProbeStatus.OK || r.excludedByOrder()) {
                    continue;
                }
                String text = "probe of " + (r.model() != null ? r.model() : r.provider()) + " with " + r.label() + ": "
                        + r.status().wireName() + (r.reasonCode() != null ? " (" + r.reasonCode().wireName() + ")" : "")
                        + (r.error() != null ? " " + r.error() : "");
                (r.status().isTransient() ? warnings : failures).add(new Reason(r.status().isTransient() ? Health.WARNING
                        : Health.FAILING, text));
            }
        }
        failures.addAll(warnings);
        return failures;
    }
}
