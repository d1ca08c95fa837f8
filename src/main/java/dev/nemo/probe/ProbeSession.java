package dev.nemo.probe;

import dev.nemo.context.RunContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code --probe} phase: plans the targets, runs them on a {@link ProbeEngine} sized from the
 * options, and assembles the {@link ProbeRun}. {@link #cancel()} may be called from any thread
 * (Ctrl-C); the run then reports what finished and how many were cancelled.
 */
public final class ProbeSession {
    private final RunContext ctx;
    private final ProbeOptions options;
    private final ProbePlan plan;
    private volatile ProbeEngine engine;
    private volatile boolean cancelled;

    public ProbeSession(RunContext ctx, ProbeOptions options, long now) {
        this.ctx = ctx;
        this.options = options;
        this.plan = new ProbePlanner(ctx, options, now).plan();
    }

    public int targetCount() {
        return plan.targets().size();
    }

    public ProbeRun run(ProbeEngine.Listener listener) {
        long startedAt = System.currentTimeMillis();
        ProbeResult[] executed;
        long finishedAt;
        try (ProbeEngine e = new ProbeEngine(options.concurrency(), options.timeoutMs(), options.maxTokens(),
                options.providerConcurrency())) {
            engine = e;
            if (cancelled) {
                e.cancel();
            }
            executed = e.run(plan.targets(), ctx.redactor(), listener);
            finishedAt = System.currentTimeMillis();
        }
        List<ProbeResult> results = new ArrayList<>(plan.preflight());
        int notRun = 0;
        for (ProbeResult r : executed) {
            if (r == null) {
                notRun++;
            } else {
                results.add(r);
            }
        }
        return new ProbeRun(startedAt, finishedAt, finishedAt - startedAt, plan.targets().size(), ProbeRun.Options.of(options),
                results, cancelled ? notRun : null);
    }

    public boolean cancelled() {
        return cancelled;
    }

    public void cancel() {
        cancelled = true;
        ProbeEngine e = engine;
        if (e != null) {
            e.cancel();
        }
    }
}
