package dev.nemo.cli.models;

import dev.nemo.cli.SecretInput;
import dev.nemo.cli.Terminal;
import dev.nemo.output.ScanTableRenderer;
import dev.nemo.probe.ProbeEngine;
import dev.nemo.scan.ModelScanResult;
import dev.nemo.scan.ScanDialog;
import java.util.List;
import java.util.Optional;

/** The {@code models scan} dialog on the terminal; with {@code --json} only notes and Ctrl-C handling remain. */
final class ScanConsole implements ScanDialog {
    private final Terminal term;
    private final boolean json;
    private final TerminalProbeObserver probes;

    ScanConsole(Terminal term, boolean json) {
        this.term = term;
        this.json = json;
        this.probes = new TerminalProbeObserver(term, "Probing models", !json);
    }

    @Override
    public void note(String line) {
        term.err().println(line);
        term.err().flush();
    }

    @Override
    public boolean canAsk() {
        return SecretInput.interactive();
    }

    @Override
    public ProbeEngine.Listener started(int count, Runnable cancel) {
        return probes.started(count, cancel);
    }

    @Override
    public void ended() {
        probes.ended();
    }

    /** The exit code of a scan a signal stopped: 130 after Ctrl-C, 143 after SIGTERM. */
    int stoppedBy() {
        return probes.stoppedBy();
    }

    @Override
    public void ranked(List<ModelScanResult> results) {
        if (!json) {
            term.out().println(ScanTableRenderer.summary(results));
            ScanTableRenderer.render(results, term.tableLayout(), term.out());
            term.out().flush();
        }
    }

    @Override
    public Optional<List<ModelScanResult>> choose(String title, List<ModelScanResult> options, List<ModelScanResult> preselected) {
        return ScanSelectionPrompt.onConsole(term).ask(title, options, preselected);
    }
}
