package dev.nemo.status;

import dev.nemo.probe.Health;
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
}
