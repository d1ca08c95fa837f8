package dev.nemo.cli.models;

import dev.nemo.NemoException;
import dev.nemo.cli.OptionChecks;
import dev.nemo.scan.ScanOptions;
import picocli.CommandLine.Option;

/** What {@code models scan} fetches and probes, validated into {@link ScanOptions}. */
public class ScanOptionsMixin {
    private static final int MAX_CONCURRENCY = 4096;

    @Option(names = "--min-params", paramLabel = "<b>", description = "Minimum parameter count in billions, inferred from the id/name (default: off).")
    double minParams;

    @Option(names = "--max-age-days", paramLabel = "<days>", description = "Skip models created more than <days> days ago (default: off).")
    double maxAgeDays;

    @Option(names = "--provider", paramLabel = "<name>", description = "Keep ids whose prefix before the first / is <name> (e.g. meta-llama).")
    String provider;

    @Option(names = "--max-candidates", paramLabel = "<n>", description = "How many models are preselected (default: ${DEFAULT-VALUE}).")
    int maxCandidates = ScanOptions.DEFAULT_MAX_CANDIDATES;

    @Option(names = "--timeout", paramLabel = "<ms>", description = "Whole-request timeout per probe (default: ${DEFAULT-VALUE}).")
    long timeoutMs = ScanOptions.DEFAULT_TIMEOUT_MS;

    @Option(names = "--concurrency", paramLabel = "<n>", description = "Probes in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency = ScanOptions.DEFAULT_CONCURRENCY;

    @Option(names = "--no-probe", description = "Metadata only: list the free models without probing them.")
    boolean noProbe;

    @Option(names = "--catalog-provider", paramLabel = "<id>",
            description = "Read the catalogue of this OpenAI-compatible provider (default: openrouter).")
    String catalogProvider;

    ScanOptions toOptions() {
        if (!(minParams >= 0) || Double.isInfinite(minParams)) {
            throw NemoException.usage("--min-params must be a number >= 0 (billions of parameters); got " + minParams);
        }
        if (!(maxAgeDays >= 0) || Double.isInfinite(maxAgeDays)) {
            throw NemoException.usage("--max-age-days must be a number >= 0 (days); got " + maxAgeDays);
        }
        OptionChecks.positive("--max-candidates", maxCandidates, "models");
        OptionChecks.positive("--timeout", timeoutMs, "milliseconds");
        OptionChecks.positive("--concurrency", concurrency, "probes");
        OptionChecks.atMost("--concurrency", concurrency, MAX_CONCURRENCY);
        if (provider != null && (provider.isBlank() || provider.trim().contains("/"))) {
            throw NemoException.usage("--provider needs an id prefix such as meta-llama (the part before the first /); got \""
                    + provider + "\"");
        }
        if (catalogProvider != null && catalogProvider.isBlank()) {
            throw NemoException.usage("--catalog-provider needs a provider id, e.g. openrouter");
        }
        return new ScanOptions(minParams, maxAgeDays, provider == null ? null : provider.trim(), maxCandidates, timeoutMs,
                concurrency, !noProbe, catalogProvider);
    }
}
