package dev.nemo.config;

import dev.nemo.text.PrintableText;
import dev.nemo.NemoException;
import dev.nemo.config.NemoConfig.AgentEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Picks the agent directory: {@code --agent <id>} (a configured id), else {@code NEMO_AGENT_DIR},
 * else {@code PI_CODING_AGENT_DIR}, else the configured default agent's directory.
 */
public final class AgentLocator {
    public static final String DEFAULT_AGENT_ID = "main";

    private final Environment env;
    private final StatePaths paths;
    private final NemoConfig config;
    private final Consumer<String> warn;

    public AgentLocator(Environment env, StatePaths paths, NemoConfig config, Consumer<String> warn) {
        this.env = env;
        this.paths = paths;
        this.config = config;
        this.warn = warn;
    }

    /** @param agentOption the raw {@code --agent} value, or null */
    public AgentContext locate(String agentOption) {
        Map<String, AgentEntry> known = knownAgents();
        if (agentOption != null) {
            String id = normalizeId(agentOption);
            if (id == null || (!known.isEmpty() ? !known.containsKey(id) : !id.equals(DEFAULT_AGENT_ID))) {
                List<String> ids = known.isEmpty() ? List.of(DEFAULT_AGENT_ID) : new ArrayList<>(known.keySet());
                throw NemoException.usage("Unknown agent id " + PrintableText.quote(agentOption.trim()) + " for --agent; configured agents: "
                        + String.join(", ", ids) + " (agents.list in " + paths.configPath() + ").");
            }
            AgentEntry entry = known.get(id);
            return new AgentContext(id, agentDir(id, entry), true, entry);
        }
        for (String var : List.of("NEMO_AGENT_DIR", "PI_CODING_AGENT_DIR")) {
            String dir = env.get(var);
            if (dir != null) {
                return new AgentContext(null, env.expand(dir).toAbsolutePath().normalize(), false, null);
            }
        }
        return defaultAgent();
    }

    /**
     * The configured default agent, whatever the environment says: the main agent, whose auth
     * profiles an agent chosen with {@code --agent} inherits.
     */
    public AgentContext defaultAgent() {
        Map<String, AgentEntry> known = knownAgents();
        String id = defaultAgentId(known);
        AgentEntry entry = known.get(id);
        return new AgentContext(id, agentDir(id, entry), false, entry);
    }

    private Map<String, AgentEntry> knownAgents() {
        Map<String, AgentEntry> known = new LinkedHashMap<>();
        for (AgentEntry entry : config.agents()) {
            String id = normalizeId(entry.id());
            if (id != null) {
                known.putIfAbsent(id, entry);
            }
        }
        return known;
    }

    private String defaultAgentId(Map<String, AgentEntry> known) {
        List<String> defaults = known.entrySet().stream().filter(e -> e.getValue().isDefault()).map(Map.Entry::getKey).toList();
        if (defaults.size() > 1) {
            warn.accept("several agents in agents.list have \"default\": true; using the first, \"" + defaults.get(0) + "\"");
        }
        if (!defaults.isEmpty()) {
            return defaults.get(0);
        }
        return known.isEmpty() ? DEFAULT_AGENT_ID : known.keySet().iterator().next();
    }

    private Path agentDir(String id, AgentEntry entry) {
        if (entry != null && entry.agentDir() != null && !entry.agentDir().isBlank()) {
            return env.expand(entry.agentDir().trim()).toAbsolutePath().normalize();
        }
        return paths.stateDir().resolve("agents").resolve(id).resolve("agent");
    }

    /** Agent ids are lower-case {@code [a-z0-9_-]}, other characters become {@code -}; null when nothing is left. */
    static String normalizeId(String raw) {
        String id = raw.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        if (id.length() > 64) {
            id = id.substring(0, 64);
        }
        return id.isEmpty() ? null : id;
    }
}
