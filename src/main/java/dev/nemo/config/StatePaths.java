package dev.nemo.config;

import java.nio.file.Path;

/** Where nemo keeps its state: {@code NEMO_STATE_DIR} (else {@code ~/.nemo}) and the config file in it. */
public record StatePaths(Path stateDir, Path configPath) {

    public static StatePaths resolve(Environment env) {
        String stateOverride = env.get("NEMO_STATE_DIR");
        Path stateDir = stateOverride != null ? env.expand(stateOverride) : env.home().resolve(".nemo");
        String configOverride = env.get("NEMO_CONFIG_PATH");
        Path configPath = configOverride != null ? env.expand(configOverride) : stateDir.resolve("nemo.json");
        return new StatePaths(stateDir.toAbsolutePath().normalize(), configPath.toAbsolutePath().normalize());
    }
}
