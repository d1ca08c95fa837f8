package dev.nemo.probe;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Set;

/**
 * A finished probe phase ({@code auth.probes} in JSON). {@code results} holds pre-flight rows
 * first, then executed probes in target order; {@code cancelled} counts targets Ctrl-C stopped;
 * {@code chains} sums up the model chains when the rows are hops of them ({@code --probe-chain}).
 * The fields known only at the end ({@code finishedAt}, {@code durationMs}) come after the rows,
 * so that JSON output can stream the rows while the run goes on (see {@link ProbeRows}).
 */
@RegisterForReflection(targets = {ProbeRun.class, ProbeRun.Options.class})
public record ProbeRun(long startedAt, int totalTargets, Options options, List<ProbeResult> results, Integer cancelled,
                       List<ProbeChain> chains, long finishedAt, long durationMs) {

    /** A run whose chains, if its rows are hops, are summed up from them. */
    public ProbeRun(long startedAt, long finishedAt, long durationMs, int totalTargets, Options options,
                    List<ProbeResult> results, Integer cancelled) {
        this(startedAt, totalTargets, options, results, cancelled, ProbeChain.summarize(results), finishedAt, durationMs);
    }

    /** The same run showing only the rows of {@code kinds} ({@code --probe-results}); the counts and times stay the run's. */
    public ProbeRun only(Set<ProbeResultKind> kinds) {
        return new ProbeRun(startedAt, finishedAt, durationMs, totalTargets, options,
                results.stream().filter(r -> kinds.contains(ProbeResultKind.of(r))).toList(), cancelled);
    }

    public record Options(String provider, List<String> profileIds, long timeoutMs, int concurrency, int maxTokens,
                          List<String> models, Boolean allModels, Integer providerConcurrency, String mode, Boolean chain) {
        static Options of(ProbeOptions o) {
            return new Options(o.provider(), o.profileIds(), o.timeoutMs(), o.concurrency(), o.maxTokens(),
                    o.models().isEmpty() ? null : o.models(), o.allModels() ? Boolean.TRUE : null,
                    o.providerConcurrency() > 0 ? o.providerConcurrency() : null, o.mode().wireName(),
                    o.chain() ? Boolean.TRUE : null);
        }
    }
}
