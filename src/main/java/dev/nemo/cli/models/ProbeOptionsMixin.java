package dev.nemo.cli.models;

import dev.nemo.NemoException;
import dev.nemo.cli.OptionChecks;
import dev.nemo.probe.ProbeMode;
import dev.nemo.output.OpenMetrics;
import dev.nemo.output.ProbeReporting;
import dev.nemo.probe.ProbeOptions;
import dev.nemo.probe.ProbeResultKind;
import dev.nemo.text.EditDistance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
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

    @Option(names = "--probe-mode", paramLabel = "<mode>",
            description = "completion (default): one tiny completion; free: the provider's zero-token check (model list, "
                    + "key info, balance, whoami); auto: free where the provider has one, else a completion.")
    String mode = ProbeMode.COMPLETION.wireName();

    @Option(names = "--probe-chain",
            description = "Probe the agent's model chain in runtime order (default, fallbacks; image model, image fallbacks), "
                    + "each hop with the credential the runtime would pick.")
    boolean chain;

    @Option(names = "--probe-results", paramLabel = "<kind>", split = ",",
            description = "Show and report only these rows: ok, warning, failed, skipped (repeatable, comma-separated; "
                    + "default: all). The exit code still counts every row.")
    List<String> results; // null when not given; a given list with no kind in it is an error

    @Option(names = "--probe-metrics", paramLabel = "<file>",
            description = "Also write the run in the Prometheus/OpenMetrics text format to <file> (atomically; for "
                    + "node_exporter's textfile collector, name it *.prom).")
    Path metrics;

    boolean enabled() {
        return probe;
    }

    /** True when a {@code --probe-*} option was given without {@code --probe}. */
    boolean tuningWithoutProbe() {
        return !probe && (provider != null || !profiles.isEmpty() || modelChoice != null || report != null
                || !mode.equals(ProbeMode.COMPLETION.wireName()) || chain || results != null || metrics != null);
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
        ModelChoice choice = modelChoice != null ? modelChoice : new ModelChoice();
        List<String> models = choice.models;
        boolean allModels = choice.allModels;
        ProbeMode probeMode = ProbeMode.fromWireName(mode.trim()).orElseThrow(() -> NemoException.usage(
                "--probe-mode must be one of " + ProbeMode.choices() + "; got \"" + mode.trim() + "\""));
        if (probeMode != ProbeMode.COMPLETION && (!models.isEmpty() || allModels)) {
            throw NemoException.usage("--probe-model and --probe-all-models probe models, which only a completion can: "
                    + "use them with --probe-mode completion (--probe-mode " + probeMode.wireName() + " checks credentials)");
        }
        if (chain && probeMode != ProbeMode.COMPLETION) {
            throw NemoException.usage("--probe-chain sends completions, as the runtime would; it cannot be combined with "
                    + "--probe-mode " + probeMode.wireName());
        }
        if (chain && (provider != null || !profiles.isEmpty() || !models.isEmpty() || allModels)) {
            throw NemoException.usage("--probe-chain probes the models and credentials the runtime would use; it cannot be "
                    + "combined with --probe-provider, --probe-profile, --probe-model or --probe-all-models");
        }
        return new ProbeOptions(provider == null ? null : provider.trim(), trimmed(profiles), timeoutMs, concurrency, maxTokens,
                trimmed(models), allModels, providerConcurrency, report, probeMode, chain);
    }

    /** Where the finished run is reported besides stdout; checked before any probe is sent. */
    ProbeReporting reporting(Consumer<String> warn) {
        return new ProbeReporting(shownKinds(), metrics == null ? null : OpenMetrics.target(metrics, warn));
    }

    private Set<ProbeResultKind> shownKinds() {
        if (results == null) {
            return EnumSet.allOf(ProbeResultKind.class);
        }
        Set<ProbeResultKind> shown = EnumSet.noneOf(ProbeResultKind.class);
        for (String name : trimmed(results)) {
            String wanted = name.toLowerCase(Locale.ROOT);
            shown.add(ProbeResultKind.fromWireName(wanted).orElseThrow(() -> NemoException.usage("--probe-results: unknown kind \""
                    + name + "\"" + EditDistance.closest(wanted, ProbeResultKind.wireNames()).map(k -> " (did you mean " + k + "?)").orElse("")
                    + "; accepted: " + String.join(", ", ProbeResultKind.wireNames()))));
        }
        if (shown.isEmpty()) {
            throw NemoException.usage("--probe-results needs at least one of " + String.join(", ", ProbeResultKind.wireNames()));
        }
        return shown;
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
