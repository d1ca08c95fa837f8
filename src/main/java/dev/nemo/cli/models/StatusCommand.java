package dev.nemo.cli.models;

import dev.nemo.cli.Invocation;
import dev.nemo.cli.ExitCodes;
import dev.nemo.NemoException;
import dev.nemo.cli.OutputFormat;
import dev.nemo.output.JUnitReport;
import dev.nemo.output.ProbeReporting;
import dev.nemo.output.StatusJson;
import dev.nemo.probe.Health;
import dev.nemo.probe.ProbeRun;
import dev.nemo.status.CheckVerdict;
import dev.nemo.status.StatusReport;
import dev.nemo.output.ProbeTextRenderer;
import dev.nemo.output.StatusTextRenderer;
import dev.nemo.probe.ProbeOptions;
import dev.nemo.status.StatusService;
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
                "1:failure; with --check: a provider in use has no usable auth, a probe failed with auth, billing, format, "
                        + "unknown or no_model, or no hop of a --probe-chain chain works",
                "2:with --check only: a token in use expires within 24 h, probes failed only with rate_limit or timeout, "
                        + "a credential in use is below --min-headroom, or only a fallback of a chain works",
                "64:usage error",
                "130:interrupted (Ctrl-C during probes)",
                "143:terminated (SIGTERM during probes)"})
public class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputFormat format;

    @Option(names = "--check", description = "Exit 1 if a provider in use lacks usable auth, 2 if a token in use expires within 24 h.")
    boolean check;

    @Mixin
    ProbeOptionsMixin probe;

    @Option(names = "--usage", description = "Also fetch the providers' usage windows (Anthropic subscription tokens, "
            + "OpenRouter key limits), each bounded to 3.5 s; a failed fetch is a row, never a failure.")
    boolean usage;

    @Option(names = "--min-headroom", paramLabel = "<percent>",
            description = "With --check --probe: exit 2 when a probed credential of a provider in use has less request or "
                    + "token headroom left than this share (0-100), naming it on stderr.")
    Double minHeadroom;

    @Override
    public Integer call() {
        Invocation io = Invocation.of(spec);
        if ((probe.enabled() || usage) && format.plain()) {
            throw NemoException.usage((usage ? "--usage" : "--probe") + " cannot be used with --plain output; use --json or the default text view");
        }
        if (minHeadroom != null && (!check || !probe.enabled() || minHeadroom < 0 || minHeadroom > 100 || minHeadroom.isNaN())) {
            throw NemoException.usage(!check || !probe.enabled() ? "--min-headroom needs --check and --probe (it gates on what probes tell)"
                    : "--min-headroom must be a percentage from 0 to 100; got " + minHeadroom);
        }
        ProbeOptions probeOptions = probe.enabled() ? probe.toOptions() : null;
        ProbeReporting reporting = probe.enabled() ? probe.reporting(io::warn) : null; // checks --probe-metrics up front
        if (probe.tuningWithoutProbe()) {
            io.warn("--probe-* options have no effect without --probe");
        }
        // Checked before any probe is sent: a report that cannot be written fails the run up front.
        JUnitReport.Target reportTarget = probeOptions == null || probeOptions.reportFile() == null ? null
                : JUnitReport.target(probeOptions.reportFile());
        boolean reportOnStdout = reportTarget instanceof JUnitReport.StandardOutput;
        if (reportOnStdout && format.json()) {
            throw NemoException.usage("--probe-report - writes the report to standard output; it cannot be combined with --json");
        }
        String agent = ModelsCommand.agent(spec);
        TerminalProbeObserver observer = new TerminalProbeObserver(io, "Probing auth profiles", !format.json());
        // --json with probes streams the rows as they finish (a 50,000-row run prints as it goes);
        // --jq needs the whole document first.
        boolean streamed = probeOptions != null && format.json() && !format.filtered() && !reportOnStdout;
        StatusService.LiveOutput live = !streamed ? null : (withoutProbes, rows, finished) ->
                StatusJson.stream(io.out(), withoutProbes, rows, reporting::shows, () -> withShownRows(finished.get(), reporting));
        StatusService.Outcome outcome = new StatusService(io.env(), io::warn).run(
                new StatusService.Request(agent, probeOptions, usage, minHeadroom, live), observer);
        // --probe-results narrows what is shown and reported; the verdict counts every row.
        ProbeRun shown = outcome.probes() == null ? null : reporting.shown(outcome.probes());
        StatusReport report = shown == null ? outcome.report() : withShownRows(outcome.report(), reporting);
        if (outcome.probes() != null) {
            reporting.publish(outcome.probes(), io.env(), io.err(), io::warn);
            if (reportTarget != null) {
                writeReport(reportTarget, shown, io);
            }
        }
        if (reportOnStdout) {
            // Standard output carries the report alone; the status view is not printed.
        } else if (streamed) {
            // Written while the probes ran.
        } else if (format.json()) {
            format.printJson(io.out(), report);
        } else if (format.plain()) {
            io.out().println(report.resolvedDefault());
        } else {
            new StatusTextRenderer(io.env()).render(report, outcome.missingAuthHints(), io.out());
            if (shown != null) {
                ProbeTextRenderer.render(shown, io.tableLayout(), io.ansi(), io.out());
            }
        }
        io.out().flush();
        if (outcome.interrupted()) {
            return observer.stoppedBy();
        }
        if (check && outcome.health() != Health.HEALTHY) {
            // Why the check did not pass, one line per reason, so a CI log says what to fix.
            for (CheckVerdict.Reason reason : outcome.reasons()) {
                if (reason.severity() == Health.FAILING) {
                    io.error("check failed: " + reason.text());
                } else {
                    io.warn("check: " + reason.text());
                }
            }
        }
        return check ? ExitCodes.of(outcome.health()) : ExitCodes.OK;
    }

    /** {@code report} with only the probe rows {@code --probe-results} selects. */
    private static StatusReport withShownRows(StatusReport report, ProbeReporting reporting) {
        return report.auth().probes() == null ? report : report.withAuth(report.auth().withProbes(reporting.shown(report.auth().probes())));
    }

    private static void writeReport(JUnitReport.Target target, ProbeRun run, Invocation io) {
        try {
            JUnitReport.write(target, run, io.out());
        } catch (java.io.IOException e) {
            throw NemoException.failure("Cannot write the probe report: " + dev.nemo.config.LockedFile.describe(e));
        }
    }
}
