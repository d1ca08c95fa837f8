package dev.nemo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProviderIdTest {

    @Test
    void trimsAndLowerCases() {
        assertEquals("openai", ProviderId.normalize("  OpenAI "));
    }

    @Test
    void foldsThePeersHistoricalAliases() {
        assertEquals("zai", ProviderId.normalize("z.ai"));
        assertEquals("zai", ProviderId.normalize("Z-AI"));
        assertEquals("opencode", ProviderId.normalize("opencode-zen"));
        assertEquals("qwen-portal", ProviderId.normalize("qwen"));
        assertEquals("kimi-coding", ProviderId.normalize("kimi-code"));
    }

    @Test
    void leavesOtherIdsAsTheyAre() {
        assertEquals("openrouter", ProviderId.normalize("openrouter"));
        assertEquals("my-local", ProviderId.normalize("my-local"));
    }

    @Test
    void isIdempotent() {
        for (String id : new String[] {"z.ai", "Qwen", "kimi-code", "OpenAI"}) {
            assertEquals(ProviderId.normalize(id), ProviderId.normalize(ProviderId.normalize(id)));
        }
    }
}
