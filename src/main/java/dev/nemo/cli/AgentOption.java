package dev.nemo.cli;

import picocli.CommandLine.Option;

/** {@code --agent <id>}: a configured agent; overrides NEMO_AGENT_DIR / PI_CODING_AGENT_DIR. */
public class AgentOption {
    @Option(names = "--agent", paramLabel = "<id>",
            description = "Configured agent id (agents.list); overrides NEMO_AGENT_DIR and PI_CODING_AGENT_DIR.")
    String agent;

    public String agent() {
        return agent;
    }
}
