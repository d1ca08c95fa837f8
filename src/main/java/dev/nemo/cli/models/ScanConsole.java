package dev.nemo.cli.models;

import dev.nemo.cli.Invocation;
import dev.nemo.output.ScanTableRenderer;
import dev.nemo.probe.ProbeEngine;
import dev.nemo.scan.ModelScanResult;
import dev.nemo.scan.ScanDialog;
import java.util.List;
import java.util.Optional;

/** The {@code models scan} dialog on the terminal; with {@code --json} only notes and Ctrl-C handling remain. */
final class ScanConsole implements ScanDialog {
    private final Invocation io;
    private final boolean json;
    private final TerminalProbeObserver probes;

    ScanConsole(Invocation io, boolean json) {
        this.io = io;
        this.json = json;
        this.probes = new TerminalProbeObserver(io, "Probing models", !json);
    }

    @Override
    public void note(String line) {
        io.err().println(line);
        io.err().flush();
    }

    @Override
    public boolean canAsk() {
        return io.interactive();
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
            io.out().println(ScanTableRenderer.summary(results));
            ScanTableRenderer.render(results, io.tableLayout(), io.out());
            io.out().flush();
        }
    }

    @Override
    public Optional<List<ModelScanResult>> choose(String title, List<ModelScanResult> options, List<ModelScanResult> preselected) {
        return ScanSelectionPrompt.onConsole(io).ask(title, options, preselected);
    }
}
