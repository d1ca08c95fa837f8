package dev.nemo.output;

import dev.nemo.NemoException;
import dev.nemo.config.Environment;
import dev.nemo.config.LockedFile;
import dev.nemo.probe.ProbeResultKind;
import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How a finished probe run is reported besides the command's own output: the rows
 * {@code --probe-results} selects ({@code shown}), the {@code --probe-metrics} file, and in CI the
 * workflow annotations and the step summary. The exit code is never decided here: it always
 * counts every row.
 *
 * @param shown       the row kinds the text, JSON, JUnit report, annotations and step summary show
 * @param metricsFile where {@code --probe-metrics} writes (checked up front), or null
 */
public record ProbeReporting(Set<ProbeResultKind> shown, Path metricsFile) {

    public ProbeReporting {
        shown = Set.copyOf(shown);
    }

    /** The run as the command shows it: only the selected rows. */
    public ProbeRun shown(ProbeRun run) {
        return run.only(shown);
    }

    /** Whether the command shows {@code row}. */
    public boolean shows(ProbeResult row) {
        return shown.contains(ProbeResultKind.of(row));
    }

    /**
     * Writes the metrics (every row), then the annotations (when {@code GITHUB_ACTIONS=true}, on
     * {@code err}) and the step summary (when {@code GITHUB_STEP_SUMMARY} is set) of the shown rows.
     */
    public void publish(ProbeRun run, Environment env, PrintWriter err, Consumer<String> warn) {
        if (metricsFile != null) {
            try {
                OpenMetrics.write(metricsFile, run);
            } catch (IOException e) {
                throw NemoException.failure("Cannot write the probe metrics " + metricsFile + ": " + LockedFile.describe(e));
            }
        }
        ProbeRun shownRun = shown(run);
        if (GithubAnnotations.enabled(env)) {
            GithubAnnotations.write(shownRun, err);
        }
        StepSummary.append(shownRun, env, warn);
    }
}
