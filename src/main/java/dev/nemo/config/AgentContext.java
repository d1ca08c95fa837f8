package dev.nemo.config;

import java.nio.file.Path;

/**
 * The agent a command works on. {@code agentId} is null when the directory came from
 * {@code NEMO_AGENT_DIR}/{@code PI_CODING_AGENT_DIR}; {@code explicit} is true for {@code --agent}.
 * {@code entry} is the agent's {@code agents.list} entry, if any (its model overrides the defaults).
 */
public record AgentContext(String agentId, Path agentDir, boolean explicit, NemoConfig.AgentEntry entry) {

    public Path authStorePath() {
        return agentDir.resolve("auth-profiles.json");
    }

    public Path piAuthPath() {
        return agentDir.resolve("auth.json");
    }

    public Path modelsJsonPath() {
        return agentDir.resolve("models.json");
    }
}
