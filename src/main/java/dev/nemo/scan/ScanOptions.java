package dev.nemo.scan;

/**
 * What {@code models scan} looks for and how hard it probes (reference §2.6 options).
 * {@code provider} is the id-prefix filter, {@code catalogProvider} the provider whose catalogue
 * is read.
 */
public record ScanOptions(double minParamsB, double maxAgeDays, String provider, int maxCandidates, long timeoutMs,
                          int concurrency, boolean probe, String catalogProvider) {
    public static final int DEFAULT_MAX_CANDIDATES = 6;
    public static final long DEFAULT_TIMEOUT_MS = 12_000;
    public static final int DEFAULT_CONCURRENCY = 3;
}
