package dev.nemo.text;

import java.util.Locale;

/** Short human durations, as the peer prints them. */
public final class Durations {
    private Durations() {
    }

    /** Time left: {@code unknown}, {@code 0m} when past, else minutes, hours (< 48 h) or days. */
    public static String remainingShort(Long ms) {
        if (ms == null) {
            return "unknown";
        }
        if (ms <= 0) {
            return "0m";
        }
        long minutes = Math.max(1, Math.round(ms / 60_000.0));
        if (minutes < 60) {
            return minutes + "m";
        }
        long hours = Math.round(minutes / 60.0);
        if (hours < 48) {
            return hours + "h";
        }
        return Math.round(hours / 24.0) + "d";
    }

    /** Latency: {@code -} when unknown, {@code 812ms} below a second, else tenths ({@code 1.2s}, {@code 8s}). */
    public static String latency(Long ms) {
        if (ms == null) {
            return "-";
        }
        if (ms < 1000) {
            return ms + "ms";
        }
        double seconds = Math.round(ms / 100.0) / 10.0;
        return seconds == Math.rint(seconds) ? (long) seconds + "s" : String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
