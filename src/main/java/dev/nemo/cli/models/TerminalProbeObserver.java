package dev.nemo.cli.models;

import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.Interrupts;
import dev.nemo.cli.Invocation;
import dev.nemo.output.ProbeProgress;
import dev.nemo.probe.ProbeEngine;
import dev.nemo.probe.ProbeObserver;

/**
 * A probe phase on the terminal: Ctrl-C or SIGTERM cancels the probes (so what finished is still reported),
 * and a progress line is drawn on stderr when {@code show} is set and stderr is a terminal.
 */
final class TerminalProbeObserver implements ProbeObserver {
    private final Invocation io;
    private final String label;
    private final boolean show;
    private ProbeProgress progress;
    private Interrupts interrupts;
    private int stoppedBy = ExitCodes.INTERRUPTED;

    TerminalProbeObserver(Invocation io, String label, boolean show) {
        this.io = io;
        this.label = label;
        this.show = show;
    }

    @Override
    public ProbeEngine.Listener started(int probes, Runnable cancel) {
        interrupts = io.onInterrupt(cancel);
        if (!show || probes == 0 || !io.stderrIsTerminal()) {
            return status -> { };
        }
        progress = new ProbeProgress(io.err(), label, probes);
        progress.start();
        return progress;
    }

    @Override
    public void ended() {
        if (progress != null) {
            progress.close();
        }
        if (interrupts != null) {
            stoppedBy = interrupts.exitCode();
            interrupts.close();
        }
    }

    /** The exit code of a phase a signal stopped: 130 after Ctrl-C, 143 after SIGTERM. */
    int stoppedBy() {
        return stoppedBy;
    }
}
