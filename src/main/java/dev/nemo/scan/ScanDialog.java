package dev.nemo.scan;

import dev.nemo.probe.ProbeObserver;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ScanService} shows and asks while it runs: a note before the catalogue is read,
 * progress while probing, the ranked results before any question, and the ordered choice. The
 * CLI draws it on the terminal; a test records it and answers from a script.
 */
public interface ScanDialog extends ProbeObserver {

    /** One line for stderr, e.g. why no probes are sent. */
    void note(String line);

    /** True when {@link #choose} can ask someone (an interactive terminal). */
    boolean canAsk();

    /** The probed results in rank order, shown before any question. */
    void ranked(List<ModelScanResult> results);

    /** The user's ordered pick among {@code options}; empty when the user cancelled. */
    Optional<List<ModelScanResult>> choose(String title, List<ModelScanResult> options, List<ModelScanResult> preselected);
}
