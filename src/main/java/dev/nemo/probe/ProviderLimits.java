package dev.nemo.probe;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code --probe-provider-concurrency}: a SmallRye Fault Tolerance bulkhead per provider, so that
 * thousands of profiles of one provider do not trip its rate limits while other providers'
 * probes keep the global slots busy. Waiting probes queue (never rejected); a probe's own timeout
 * starts only when the bulkhead lets it through.
 */
final class ProviderLimits {
    private static final int UNBOUNDED_QUEUE = 1_000_000;

    private final int limit;
    private final Map<String, TypedGuard<Uni<JobResult>>> guards = new ConcurrentHashMap<>();

    ProviderLimits(int limit) {
        this.limit = limit;
    }

    Uni<JobResult> guard(String provider, Supplier<Uni<JobResult>> probe) {
        if (limit <= 0) {
            return probe.get();
        }
        return guards.computeIfAbsent(provider, p -> TypedGuard.create(new TypeLiteral<Uni<JobResult>>() { })
                .withBulkhead().limit(limit).queueSize(UNBOUNDED_QUEUE).done()
                .build()).get(probe);
    }
}
