package dev.nemo.cli.models;

import dev.nemo.NemoException;
import dev.nemo.cli.OptionChecks;
import dev.nemo.probe.ProbeOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The {@code --probe*} options of {@code models status}, validated into {@link ProbeOptions}. */
public class ProbeOptionsMixin {
    private static final int MAX_CONCURRENCY = 4096;

    @Option(names = "--probe", description = "Send one live request per credential and report which work.")
    boolean probe;

    @Option(names = "--probe-provider", paramLabel = "<name>", description = "Probe only this provider.")
    String provider;

    @Option(names = "--probe-profile", paramLabel = "<id>", split = ",", description = "Probe only these profile ids (repeatable, comma-separated).")
    List<String> profiles = new ArrayList<>();

    /** Which models to probe: the one per provider by default, these, or all of them. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ModelChoice modelChoice;

    static class ModelChoice {
        @Option(names = "--probe-model", paramLabel = "<ref>", split = ",",
                description = "Probe these models (provider/model or alias) with each matching credential (repeatable).")
        List<String> models = new ArrayList<>();

        @Option(names = "--probe-all-models", description = "Probe every configured model of each provider, per credential.")
        boolean allModels;
    }

    @Option(names = "--probe-timeout", paramLabel = "<ms>", description = "Whole-request timeout per probe (default: ${DEFAULT-VALUE}).")
    long timeoutMs = ProbeOptions.DEFAULT_TIMEOUT_MS;

    @Option(names = "--probe-concurrency", paramLabel = "<n>", description = "Probes in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency = ProbeOptions.DEFAULT_CONCURRENCY;

    @Option(names = "--probe-provider-concurrency", paramLabel = "<n>",
            description = "At most n probes in flight per provider (default: no per-provider limit).")
    int providerConcurrency;

    @Option(names = "--probe-max-tokens", paramLabel = "<n>", description = "Output token cap per probe (default: ${DEFAULT-VALUE}).")
    int maxTokens = ProbeOptions.DEFAULT_MAX_TOKENS;

    @Option(names = "--probe-report", paramLabel = "<file>", description = "Also write the results as JUnit XML to <file>.")
    Path report;

    boolean enabled() {
        return probe;
    }

    /** True when a {@code --probe-*} option was given without {@code --probe}. */
    boolean tuningWithoutProbe() {
        return !probe && (provider != null || !profiles.isEmpty() || modelChoice != null || report != null);
    }

    ProbeOptions toOptions() {
        OptionChecks.positive("--probe-timeout", timeoutMs, "milliseconds");
        OptionChecks.positive("--probe-concurrency", concurrency, "probes");
        OptionChecks.positive("--probe-max-tokens", maxTokens, "tokens");
        OptionChecks.atMost("--probe-concurrency", concurrency, MAX_CONCURRENCY);
        if (providerConcurrency < 0) {
            throw NemoException.usage("--probe-provider-concurrency must be a positive integer; got " + providerConcurrency);
        }
        if (provider != null && provider.isBlank()) {
            throw NemoException.usage("--probe-provider needs a provider id, e.g. --probe-provider anthropic");
        }
        ModelChoice models = modelChoice != null ? modelChoice : new ModelChoice();
        return new ProbeOptions(provider == null ? null : provider.trim(), trimmed(profiles), timeoutMs, concurrency, maxTokens,
                trimmed(models.models), models.allModels, providerConcurrency, report);
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
