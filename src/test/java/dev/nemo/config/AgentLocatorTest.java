package dev.nemo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nemo.NemoException;
import dev.nemo.config.NemoConfig.AgentEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentLocatorTest {
    private static final Map<String, String> HOME = Map.of("HOME", "/home/u");
    private final List<String> warnings = new ArrayList<>();

    private AgentLocator locator(Map<String, String> vars, AgentEntry... agents) {
        Map<String, String> all = new HashMap<>(HOME);
        all.putAll(vars);
        Environment env = new Environment(all);
        NemoConfig config = new NemoConfig(NemoConfig.AgentDefaults.EMPTY, List.of(agents), NemoConfig.AuthConfig.EMPTY,
                NemoConfig.ModelsConfig.EMPTY, false);
        return new AgentLocator(env, StatePaths.resolve(env), config, warnings::add);
    }

    private static AgentEntry agent(String id, boolean isDefault, String agentDir) {
        return new AgentEntry(id, isDefault, null, agentDir, null);
    }

    @Test
    void withoutAgentsTheMainAgentDirUnderTheStateDirIsUsed() {
        AgentContext ctx = locator(Map.of()).locate(null);
        assertEquals("main", ctx.agentId());
        assertEquals(Path.of("/home/u/.nemo/agents/main/agent"), ctx.agentDir());
        assertFalse(ctx.explicit());
        assertEquals(Path.of("/home/u/.nemo/agents/main/agent/auth-profiles.json"), ctx.authStorePath());
    }

    @Test
    void nemoAgentDirOverridesTheDefaultAgent() {
        AgentContext ctx = locator(Map.of("NEMO_AGENT_DIR", "~/agentdir")).locate(null);
        assertEquals(Path.of("/home/u/agentdir"), ctx.agentDir());
        assertNull(ctx.agentId());
    }

    @Test
    void piCodingAgentDirIsUsedWhenNemoAgentDirIsUnset() {
        AgentContext ctx = locator(Map.of("PI_CODING_AGENT_DIR", "/opt/pi/agent")).locate(null);
        assertEquals(Path.of("/opt/pi/agent"), ctx.agentDir());
    }

    @Test
    void nemoAgentDirWinsOverPiCodingAgentDir() {
        AgentContext ctx = locator(Map.of("NEMO_AGENT_DIR", "/a", "PI_CODING_AGENT_DIR", "/b")).locate(null);
        assertEquals(Path.of("/a"), ctx.agentDir());
    }

    @Test
    void blankAgentDirEnvIsIgnored() {
        AgentContext ctx = locator(Map.of("NEMO_AGENT_DIR", "  ")).locate(null);
        assertEquals(Path.of("/home/u/.nemo/agents/main/agent"), ctx.agentDir());
    }

    @Test
    void agentOptionWinsOverTheEnvironment() {
        AgentContext ctx = locator(Map.of("NEMO_AGENT_DIR", "/a"), agent("work", false, null)).locate("work");
        assertEquals(Path.of("/home/u/.nemo/agents/work/agent"), ctx.agentDir());
        assertEquals("work", ctx.agentId());
        assertTrue(ctx.explicit());
    }

    @Test
    void agentOptionIsTrimmedAndCaseInsensitive() {
        AgentContext ctx = locator(Map.of(), agent("work", false, null)).locate("  Work ");
        assertEquals("work", ctx.agentId());
    }

    @Test
    void configuredAgentDirIsExpanded() {
        AgentContext ctx = locator(Map.of(), agent("work", false, "~/work-agent")).locate("work");
        assertEquals(Path.of("/home/u/work-agent"), ctx.agentDir());
    }

    @Test
    void unknownAgentIsAUsageErrorNamingTheIdAndTheKnownOnes() {
        NemoException e = assertThrows(NemoException.class,
                () -> locator(Map.of(), agent("work", false, null)).locate("nope"));
        assertEquals(NemoException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("\"nope\""), e.getMessage());
        assertTrue(e.getMessage().contains("work"), e.getMessage());
    }

    @Test
    void mainIsTheOnlyKnownAgentWhenNoneAreConfigured() {
        assertEquals("main", locator(Map.of()).locate("main").agentId());
        assertThrows(NemoException.class, () -> locator(Map.of()).locate("other"));
    }

    @Test
    void blankAgentOptionIsRejected() {
        assertThrows(NemoException.class, () -> locator(Map.of()).locate("   "));
    }

    @Test
    void firstAgentIsTheDefaultWhenNoneIsMarked() {
        AgentContext ctx = locator(Map.of(), agent("alpha", false, null), agent("beta", false, null)).locate(null);
        assertEquals("alpha", ctx.agentId());
        assertEquals(Path.of("/home/u/.nemo/agents/alpha/agent"), ctx.agentDir());
    }

    @Test
    void agentMarkedDefaultIsTheDefault() {
        AgentContext ctx = locator(Map.of(), agent("alpha", false, null), agent("beta", true, null)).locate(null);
        assertEquals("beta", ctx.agentId());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void severalDefaultsPickTheFirstAndWarn() {
        AgentContext ctx = locator(Map.of(), agent("alpha", true, null), agent("beta", true, null)).locate(null);
        assertEquals("alpha", ctx.agentId());
        assertEquals(1, warnings.size());
    }

    @Test
    void agentIdsAreNormalised() {
        assertEquals("my-agent", AgentLocator.normalizeId("  My Agent! "));
        assertNull(AgentLocator.normalizeId("!!!"));
    }
}
