package dev.nemo.probe;

/**
 * The {@code --check --probe} verdict of the probe results: failing when a probe ended
 * {@code auth}, {@code billing}, {@code format}, {@code unknown} or {@code no_model}; a warning
 * when the only failures are {@code rate_limit}/{@code timeout}. Rows excluded by
 * {@code auth.order} do not count. With {@code --probe-chain} the chains decide: failing when no
 * hop of a chain works, a warning when only a fallback does.
 */
public final class ProbeVerdict {
    private ProbeVerdict() {
    }

    public static Health of(ProbeRun run) {
        Health health = Health.HEALTHY;
        if (run.chains() != null) {
            for (ProbeChain chain : run.chains()) {
                health = health.worst(chain.verdict().health());
            }
            return health;
        }
        for (ProbeResult r : run.results()) {
            health = health.worst(switch (ProbeResultKind.of(r)) {
                case OK, SKIPPED -> Health.HEALTHY;
                case WARNING -> Health.WARNING;
                case FAILED -> Health.FAILING;
            });
        }
        return health;
    }
}
