package dev.nemo.cli.completion;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the ids of an option or parameter come from when completing (the user's config and
 * store; never a secret), and which options and parameters take them: one table for every shell.
 */
public enum CompletionSource {
    providers, agents, profiles, models, aliases;

    /** By option name, on every command; a {@code "<command path> <option>"} key overrides it for that command. */
    private static final Map<String, Optional<CompletionSource>> OPTIONS = Map.of(
            "--provider", Optional.of(providers),
            "--probe-provider", Optional.of(providers),
            "--catalog-provider", Optional.of(providers),
            "--agent", Optional.of(agents),
            "--probe-profile", Optional.of(profiles),
            "--probe-model", Optional.of(models),
            // scan's --provider filters the catalogue by the id's vendor prefix (meta-llama/…), not a nemo provider
            "models scan --provider", Optional.empty());

    /** By the positional parameter's label; a {@code "<command path> <label>"} key overrides it for that command. */
    private static final Map<String, Optional<CompletionSource>> PARAMETERS = Map.of(
            "<profile-id>", Optional.of(profiles),
            "<model-or-alias>", Optional.of(models),
            "<alias>", Optional.of(aliases),
            "models aliases add <alias>", Optional.empty()); // a new alias

    /** Closed sets the picocli model cannot know because the option is a plain string. */
    static final Map<String, List<String>> CHOICES = Map.of(
            "--method", List.of("api-key", "oauth", "device"),
            "--probe-mode", List.of("completion", "free", "auto"));

    static Optional<CompletionSource> ofOption(String commandPath, String option) {
        Optional<CompletionSource> specific = OPTIONS.get(commandPath + " " + option);
        return specific != null ? specific : OPTIONS.getOrDefault(option, Optional.empty());
    }

    static Optional<CompletionSource> ofParameter(String commandPath, String paramLabel) {
        Optional<CompletionSource> specific = PARAMETERS.get(commandPath + " " + paramLabel);
        return specific != null ? specific : PARAMETERS.getOrDefault(paramLabel, Optional.empty());
    }
}
