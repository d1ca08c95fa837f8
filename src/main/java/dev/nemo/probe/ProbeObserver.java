package dev.nemo.probe;

/**
 * Watches one probe phase of a workflow ({@code status --probe}, {@code models scan}): told when
 * the probes start, with how many there are and how to stop them, and when they have ended. The
 * CLI shows progress and routes Ctrl-C to {@code cancel}; a test simply counts.
 */
public interface ProbeObserver {
    /** An observer that shows nothing and never cancels. */
    ProbeObserver NONE = new ProbeObserver() {
        @Override
        public ProbeEngine.Listener started(int probes, Runnable cancel) {
            return status -> { };
        }

        @Override
        public void ended() {
        }
    };

    /** The probes start; {@code cancel} may be run from any thread. Returns the per-probe listener. */
    ProbeEngine.Listener started(int probes, Runnable cancel);

    /** The probes have ended (finished or cancelled); called once after {@link #started}. */
    void ended();
}
