package dev.nemo.cli;

import dev.nemo.NemoException;

/** Range checks for numeric options; a bad value is a usage error that names the option. */
public final class OptionChecks {
    private OptionChecks() {
    }

    public static void positive(String option, long value, String unit) {
        if (value <= 0) {
            throw NemoException.usage(option + " must be a positive integer (" + unit + "); got " + value);
        }
    }

    public static void atMost(String option, long value, long max) {
        if (value > max) {
            throw NemoException.usage(option + " must be at most " + max + "; got " + value);
        }
    }
}
