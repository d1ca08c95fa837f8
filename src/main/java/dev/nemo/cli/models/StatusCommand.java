package dev.nemo.cli.models;

import dev.nemo.cli.ExitCodes;
import dev.nemo.NemoException;
import dev.nemo.cli.Interrupts;
import dev.nemo.cli.OutputFormat;
import dev.nemo.cli.Invocation;
import dev.nemo.json.PrettyJson;
import dev.nemo.context.RunContext;
import dev.nemo.context.RunContextLoader;
import dev.nemo.output.JUnitReport;
import dev.nemo.output.ProbeProgress;
import dev.nemo.output.ProbeTextRenderer;
import dev.nemo.output.StatusTextRenderer;
import dev.nemo.probe.ProbeEngine;
import dev.nemo.probe.ProbeOptions;
import dev.nemo.probe.ProbeRun;
import dev.nemo.probe.ProbeSession;
import dev.nemo.probe.Health;
import dev.nemo.probe.ProbeVerdict;
import dev.nemo.status.CheckVerdict;
import dev.nemo.status.MissingAuthHints;
import dev.nemo.status.StatusReport;
import dev.nemo.status.StatusService;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show the resolved default, fallbacks, image model, aliases and allowlist, and an auth overview.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok",
                "1:failure; with --check: a provider in use has no usable auth, or a probe failed with auth, billing, format, unknown or no_model",
                "2:with --check only: a token in use expires within 24 h, or probes failed only with rate_limit or timeout",
                "64:usage error",
                "130:interrupted (Ctrl-C during probes)"})
public class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputFormat format;

    @Option(names = "--check", description = "Exit 1 if a provider in use lacks usable auth, 2 if a token in use expires within 24 h.")
    boolean check;

    @Mixin
    ProbeOptionsMixin probe;

    @Override
    public Integer call() {
        Invocation io = Invocation.of(spec);
        if (probe.enabled() && format.plain()) {
            throw NemoException.usage("--probe cannot be used with --plain output; use --json or the default text view");
        }
        ProbeOptions probeOptions = probe.enabled() ? probe.toOptions() : null;
        if (probeOptions != null) {
            ProbeEngine.preload();
        }
        if (probe.tuningWithoutProbe()) {
            io.warn("--probe-* options have no effect without --probe");
        }
        RunContext ctx = RunContextLoader.load(io.env(), ModelsCommand.agent(spec), io::warn);
        long now = System.currentTimeMillis();
        // The session refreshes due OAuth profiles first; the report then shows the renewed state.
        ProbeSession session = probeOptions == null ? null : new ProbeSession(ctx, probeOptions, now);
        if (session != null) {
            ctx = session.context();
        }
        StatusService service = new StatusService(ctx, now);
        StatusReport report = service.report();
        ProbeRun run = session == null ? null : runProbes(session, io);
        if (run != null) {
            report = report.withAuth(report.auth().withProbes(run));
            writeReport(probeOptions, run, io);
        }
        if (format.json()) {
            io.out().print(PrettyJson.write(report));
        } else if (format.plain()) {
            io.out().println(report.resolvedDefault());
        } else {
            new StatusTextRenderer(io.env()).render(report,
                    MissingAuthHints.of(report.auth().missingProvidersInUse(), ctx.providers()), io.out());
            if (run != null) {
                ProbeTextRenderer.render(run, io.width(), io.ansi(), io.out());
            }
        }
        io.out().flush();
        if (session != null && session.cancelled()) {
            return ExitCodes.INTERRUPTED;
        }
        if (!check) {
            return ExitCodes.OK;
        }
        Health health = CheckVerdict.of(service).health();
        return ExitCodes.of(run == null ? health : health.worst(ProbeVerdict.of(run)));
    }

    private ProbeRun runProbes(ProbeSession session, Invocation io) {
        boolean showProgress = !format.json() && io.stderrIsTerminal() && session.targetCount() > 0;
        ProbeProgress progress = new ProbeProgress(io.err(), session.targetCount());
        try (Interrupts ignored = io.onInterrupt(session::cancel)) {
            if (showProgress) {
                progress.start();
            }
            return session.run(showProgress ? progress : result -> { });
        } finally {
            if (showProgress) {
                progress.clear();
            }
        }
    }

    private static void writeReport(ProbeOptions options, ProbeRun run, Invocation io) {
        if (options.reportFile() == null) {
            return;
        }
        try {
            JUnitReport.write(options.reportFile(), run);
        } catch (IOException e) {
            throw NemoException.failure("Cannot write the probe report " + options.reportFile() + ": " + e.getMessage());
        }
    }
}
