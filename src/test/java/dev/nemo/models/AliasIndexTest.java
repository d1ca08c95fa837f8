package dev.nemo.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nemo.config.NemoConfig.ModelEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AliasIndexTest {

    private static AliasIndex index() {
        Map<String, ModelEntry> allow = new LinkedHashMap<>();
        allow.put("anthropic/claude-opus-4-6", new ModelEntry("Opus", null));
        allow.put("openai/gpt-5.1", new ModelEntry(null, null));
        allow.put("openrouter/moonshotai/kimi-k2", new ModelEntry(" kimi ", null));
        allow.put("anthropic/claude-opus-4-5", new ModelEntry("old-opus", null));
        allow.put("/broken", new ModelEntry("broken", null));
        return new AliasIndex(allow);
    }

    @Test
    void lookupIsCaseInsensitive() {
        ModelRef expected = new ModelRef("anthropic", "claude-opus-4-6");
        assertEquals(expected, index().lookup("opus").orElseThrow());
        assertEquals(expected, index().lookup("OPUS").orElseThrow());
        assertEquals(expected, index().lookup("  oPuS ").orElseThrow());
    }

    @Test
    void aliasesAreTrimmed() {
        assertEquals("openrouter/moonshotai/kimi-k2", index().lookup("kimi").orElseThrow().key());
    }

    @Test
    void aliasMapKeepsConfigOrderAndSpelling() {
        assertEquals(List.of("Opus", "kimi", "old-opus"), List.copyOf(index().aliases().keySet()));
        assertEquals("anthropic/claude-opus-4-6", index().aliases().get("Opus"));
    }

    @Test
    void keysThatDoNotParseDefineNoAlias() {
        assertTrue(index().lookup("broken").isEmpty());
    }

    @Test
    void reverseMapListsAliasesOfAKey() {
        assertEquals(List.of("Opus"), index().aliasesOf("anthropic/claude-opus-4-6"));
        assertEquals(List.of(), index().aliasesOf("openai/gpt-5.1"));
    }

    @Test
    void resolveUsesTheAliasWhenThereIsNoSlash() {
        assertEquals("anthropic/claude-opus-4-6", index().resolve("Opus").orElseThrow().key());
    }

    @Test
    void resolveParsesRefsWithASlashWithoutAliasLookup() {
        assertEquals("openai/gpt-5.1", index().resolve("openai/gpt-5.1").orElseThrow().key());
    }

    @Test
    void resolveFallsBackToTheDefaultProvider() {
        assertEquals("anthropic/unknown-model", index().resolve("unknown-model").orElseThrow().key());
    }

    @Test
    void resolveOfBlankIsEmpty() {
        assertTrue(index().resolve("  ").isEmpty());
        assertTrue(index().resolve(null).isEmpty());
    }
}
