package dev.nemo.probe;

import dev.nemo.context.RunContext;
import dev.nemo.context.RunVertx;
import dev.nemo.auth.oauth.TokenRefresher;
import dev.nemo.net.NetworkSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code --probe} phase: plans the targets, runs them on a {@link ProbeEngine} sized from the
 * options, and assembles the {@link ProbeRun}. {@link #cancel()} may be called from any thread
 * (Ctrl-C); the run then reports what finished and how many were cancelled.
 */
public final class ProbeSession {
    /** Bound of one OAuth refresh request; the store lock is held meanwhile, and others wait at most 10 s for it. */
    private static final Duration REFRESH_TIMEOUT_CAP = Duration.ofSeconds(8);
    private final RunContext ctx;
    private final ProbeOptions options;
    private final ProbePlan plan;
    private final ProbeRows rows;
    private final HttpStack stack;
    private final NetworkSettings network;
    private volatile ProbeEngine engine;
    private volatile boolean cancelled;

    /**
     * Plans the run. OAuth profiles about to be probed whose access token has expired (or soon
     * will) are refreshed first, under the store lock, on the run's Vert.x; a failed refresh becomes
     * an {@code auth} row. The refresh and the probes take the routes {@code network} decides. The
     * probes run on {@code stack} (which shares its Vert.x with {@code vertx}); its owner closes it.
     */
    public ProbeSession(RunContext ctx, ProbeOptions options, long now, RunVertx vertx, HttpStack stack, NetworkSettings network) {
        this.options = options;
        this.stack = stack;
        this.network = network;
        Duration timeout = Duration.ofMillis(Math.min(REFRESH_TIMEOUT_CAP.toMillis(), Math.max(1000, options.timeoutMs())));
        ProbePlanner planner = new ProbePlanner(ctx, options, now);
        TokenRefresher.Outcome refreshed = new TokenRefresher(timeout).refresh(ctx::storePathOf, ctx.providers(),
                ctx.redactor(), planner.oauthProfilesToProbe(), now, vertx, network);
        this.ctx = refreshed.renewed().isEmpty() ? ctx : ctx.withRenewed(refreshed.renewed());
        this.plan = (refreshed.changedNothing() ? planner : new ProbePlanner(this.ctx, options, now, refreshed.failures())).plan();
        this.rows = new ProbeRows(plan.preflight(), plan.targets().size(), ProbeRun.Options.of(options));
    }

    /** The run's context after any OAuth refresh (the store holds the renewed tokens). */
    public RunContext context() {
        return ctx;
    }

    public int targetCount() {
        return plan.targets().size();
    }

    /** The run's rows as they finish, for output that streams them while {@link #run} goes on. */
    public ProbeRows rows() {
        return rows;
    }

    public ProbeRun run(ProbeEngine.Listener listener) {
        long startedAt = System.currentTimeMillis();
        ProbeResult[] executed;
        long finishedAt;
        rows.started(startedAt);
        try (ProbeEngine e = new ProbeEngine(stack, network, options.concurrency(), options.timeoutMs(),
                options.maxTokens(), options.providerConcurrency())) {
            engine = e;
            if (cancelled) {
                e.cancel(); // Ctrl-C before the first round: nothing is sent
            }
            executed = e.run(plan.targets(), ctx.redactor(), listener, (row, index) -> rows.finished(index, row));
            finishedAt = System.currentTimeMillis();
        } finally {
            rows.ended();
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
