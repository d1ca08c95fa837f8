package dev.nemo.status;

import dev.nemo.Background;
import dev.nemo.config.Environment;
import dev.nemo.context.RunContext;
import dev.nemo.context.RunContextLoader;
import dev.nemo.context.RunVertx;
import dev.nemo.net.NetworkSettings;
import dev.nemo.probe.Health;
import dev.nemo.probe.HttpStack;
import dev.nemo.probe.ProbeEngine;
import dev.nemo.probe.ProbeObserver;
import dev.nemo.probe.ProbeOptions;
import dev.nemo.probe.ProbeRows;
import dev.nemo.probe.ProbeRun;
import dev.nemo.probe.ProbeSession;
import dev.nemo.probe.HeadroomGate;
import dev.nemo.probe.ProbeVerdict;
import dev.nemo.probe.UsageFetcher;
import dev.nemo.probe.UsageSnapshot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@code models status} workflow: load the run's context, refresh due OAuth profiles and
 * probe when asked, build the report with the probe results in it, and decide the {@code --check}
 * verdict. Ctrl-C during the probes (through the observer) ends it {@code interrupted}, with what
 * finished.
 */
public final class StatusService {

    /**
     * {@code probe} is null when no probes are wanted; {@code agent} may be null (the default
     * agent); {@code usage} fetches usage windows; {@code minHeadroom} (a percentage, or null)
     * makes low headroom of a credential in use a warning.
     */
    public record Request(String agent, ProbeOptions probe, boolean usage, Double minHeadroom, LiveOutput live) {
        public Request(String agent, ProbeOptions probe) {
            this(agent, probe, false, null, null);
        }

        /** Output that is written once the run is over. */
        public Request(String agent, ProbeOptions probe, boolean usage, Double minHeadroom) {
            this(agent, probe, usage, minHeadroom, null);
        }
    }

    /**
     * Output written while the probes run (JSON streamed to stdout), from a thread of its own:
     * it gets the report without probes, the rows as they finish, and the finished report (which
     * waits for the end of the run) to write the rest from; it returns once it has written all.
     * Without probes there is nothing to stream, and it is not called.
     */
    @FunctionalInterface
    public interface LiveOutput {
        void write(StatusReport report, ProbeRows rows, Supplier<StatusReport> finished);
    }

    /**
     * The report (with {@code auth.probes} when probed), how to add auth for each provider in use
     * that lacks it, the probe run (null without probes), the {@code --check} verdict, and whether
     * Ctrl-C stopped the probes.
     */
    public record Outcome(StatusReport report, Map<String, String> missingAuthHints, ProbeRun probes, Health health,
                          List<CheckVerdict.Reason> reasons, boolean interrupted) {
    }

    private final Environment env;
    private final Consumer<String> warn;

    /** @param warn receives warnings (stderr) */
    public StatusService(Environment env, Consumer<String> warn) {
        this.env = env;
        this.warn = warn;
    }

    public Outcome run(Request request, ProbeObserver observer) {
        // A probe run starts its HTTP stack now, to warm while config and store are read; the run's
        // other HTTP (OAuth refresh, usage) shares its Vert.x, closed when the run is done.
        HttpStack stack = request.probe() == null ? null : HttpStack.start();
        try (HttpStack owned = stack; RunVertx vertx = stack == null ? new RunVertx() : new RunVertx(stack::vertx)) {
            return run(request, observer, vertx, stack);
        }
    }

    private Outcome run(Request request, ProbeObserver observer, RunVertx vertx, HttpStack stack) {
        RunContext ctx = RunContextLoader.load(env, request.agent(), warn);
        long now = System.currentTimeMillis();
        if (request.probe() != null) {
            // Only the keys a probe may send run their !command; listing and checking never run one.
            ctx = ctx.withKeyCommandsRun(request.probe()::mayProbe, warn);
        }
        // One set of routes for the run's HTTP (refresh, probes, usage): the CA files are read once, here.
        NetworkSettings network = request.probe() != null || request.usage() ? NetworkSettings.of(ctx.env(), ctx.config()) : null;
        if (request.probe() == null) {
            return outcome(request, ctx, network, now, Report.of(ctx, now), null, null, vertx);
        }
        // The session refreshes due OAuth profiles first; the report then shows the renewed state.
        ProbeSession session = new ProbeSession(ctx, request.probe(), now, vertx, stack, network);
        RunContext reported = session.context();
        // The report is built (and live output written) on a thread of its own while the probes
        // run: at 50,000 profiles it takes about as long as the first answers do.
        CompletableFuture<Report> built = new CompletableFuture<>();
        CompletableFuture<StatusReport> finished = new CompletableFuture<>();
        CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
            try {
                built.complete(Report.of(reported, now));
            } catch (RuntimeException | Error e) {
                built.completeExceptionally(e);
                throw e;
            }
            if (request.live() != null) {
                request.live().write(join(built).report(), session.rows(), () -> join(finished));
            }
        }, Background.thread("nemo-report"));
        try {
            ProbeRun run = probe(session, observer);
            Outcome outcome = outcome(request, reported, network, now, join(built), run, session, vertx);
            finished.complete(outcome.report());
            join(written);
            return outcome;
        } finally {
            // A run that failed ends the live output too (it stops where it was).
            finished.completeExceptionally(new IllegalStateException("the probe run failed"));
        }
    }

    private Outcome outcome(Request request, RunContext ctx, NetworkSettings network, long now, Report built, ProbeRun run,
                            ProbeSession session, RunVertx vertx) {
        StatusReport report = built.report();
        CheckVerdict verdict = built.verdict();
        Health health = verdict.health();
        if (session != null) {
            report = report.withAuth(report.auth().withProbes(run));
            health = health.worst(ProbeVerdict.of(run));
            if (request.minHeadroom() != null) {
                health = health.worst(headroom(run, ctx, request.minHeadroom()));
            }
        }
        List<UsageSnapshot> usageRows = UsageFetcher.withProbes(request.usage() ? UsageFetcher.fetch(ctx, network,
                request.probe() == null ? ProbeOptions.DEFAULT_CONCURRENCY : request.probe().concurrency(), now, vertx.get().getDelegate()) : List.of(), run);
        if (request.usage() || !usageRows.isEmpty()) {
            report = report.withAuth(report.auth().withUsage(usageRows));
        }
        return new Outcome(report, MissingAuthHints.of(report.auth().missingProvidersInUse(), ctx.providers()), run, health,
                verdict.reasons(run), session != null && session.cancelled());
    }

    private record Report(StatusReport report, CheckVerdict verdict) {
        static Report of(RunContext ctx, long now) {
        StatusReportBuilder builder = new StatusReportBuilder(ctx, now);
            return new Report(builder.report(), CheckVerdict.of(builder));
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** {@code --min-headroom}: a warning naming each credential in use below the threshold. */
    private Health headroom(ProbeRun run, RunContext ctx, double minHeadroom) {
        var providersInUse = ctx.models().providersInUse();
        var low = HeadroomGate.below(run, minHeadroom, providersInUse);
        low.forEach(s -> warn.accept("headroom below " + HeadroomGate.percent(minHeadroom) + ": " + s.describe()));
        if (!HeadroomGate.anyTold(run, providersInUse)) {
            warn.accept("--min-headroom checked nothing: no probe answer of a provider in use carried rate-limit headers");
        }
        return low.isEmpty() ? Health.HEALTHY : Health.WARNING;
    }

    private static ProbeRun probe(ProbeSession session, ProbeObserver observer) {
        ProbeEngine.Listener listener = observer.started(session.targetCount(), session::cancel);
        try {
            return session.run(listener);
        } finally {
            observer.ended();
        }
    }
}
