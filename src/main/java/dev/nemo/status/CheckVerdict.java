package dev.nemo.status;

import dev.nemo.ExitCodes;
import java.util.List;

/**
 * The {@code --check} exit code: 1 when a provider the agent's models run on has no usable
 * credential, 2 when one of their tokens expires within 24 h, else 0. Only providers in use
 * count, so an expired profile nobody uses never fails a pipeline (the peer's #42721).
 */
public record CheckVerdict(List<String> missingProvidersInUse, List<String> expiringProfilesInUse) {

    public static CheckVerdict of(StatusService status) {
        return new CheckVerdict(status.missingProvidersInUse(), status.expiringProfilesInUse());
    }

    public int exitCode() {
        if (!missingProvidersInUse.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        return expiringProfilesInUse.isEmpty() ? ExitCodes.OK : ExitCodes.WARNING;
    }
}
