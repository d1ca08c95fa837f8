package dev.nemo.probe;

import dev.nemo.ExitCodes;

/**
 * The {@code --check --probe} exit code of the probe results: 1 when a probe ended {@code auth},
 * {@code billing}, {@code format}, {@code unknown} or {@code no_model}; 2 when the only failures are
 * {@code rate_limit}/{@code timeout}; else 0. Rows excluded by {@code auth.order} do not count.
 */
public final class ProbeVerdict {
    private ProbeVerdict() {
    }

    public static int exitCode(ProbeRun run) {
        boolean warn = false;
        for (ProbeResult r : run.results()) {
            if (r.status() == ProbeStatus.OK || r.excludedByOrder()) {
                continue;
            }
            if (!r.status().isTransient()) {
                return ExitCodes.FAILURE;
            }
            warn = true;
        }
        return warn ? ExitCodes.WARNING : ExitCodes.OK;
    }

    /** The more severe of two check codes (1 beats 2 beats 0). */
    public static int worst(int a, int b) {
        if (a == ExitCodes.FAILURE || b == ExitCodes.FAILURE) {
            return ExitCodes.FAILURE;
        }
        return Math.max(a, b);
    }
}
