package dev.nemo.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelRefTest {

    private static ModelRef parse(String raw) {
        return ModelRef.parse(raw, ModelRef.DEFAULT_PROVIDER).orElseThrow();
    }

    @Test
    void splitsProviderAndModel() {
        assertEquals(new ModelRef("openai", "gpt-5.1"), parse("openai/gpt-5.1"));
    }

    @Test
    void splitsOnTheFirstSlashSoModelIdsKeepTheirSlashes() {
        ModelRef ref = parse("openrouter/moonshotai/kimi-k2:free");
        assertEquals("openrouter", ref.provider());
        assertEquals("moonshotai/kimi-k2:free", ref.model());
        assertEquals("openrouter/moonshotai/kimi-k2:free", ref.key());
    }

    @Test
    void withoutASlashTheDefaultProviderIsUsed() {
        assertEquals(new ModelRef("anthropic", "claude-sonnet-4-5"), parse("claude-sonnet-4-5"));
        assertEquals(new ModelRef("groq", "llama"), ModelRef.parse("llama", "groq").orElseThrow());
    }

    @Test
    void partsAreTrimmedAndTheProviderNormalised() {
        assertEquals(new ModelRef("zai", "glm-4.6"), parse("  Z.AI / glm-4.6  "));
        assertEquals(new ModelRef("openai", "GPT-5.1"), parse("OpenAI/GPT-5.1"));
    }

    @Test
    void anthropicShorthandsAreExpanded() {
        assertEquals("claude-opus-4-6", parse("anthropic/opus-4.6").model());
        assertEquals("claude-sonnet-4-5", parse("Sonnet-4.5").model());
    }

    @Test
    void shorthandsApplyOnlyToAnthropic() {
        assertEquals("opus-4.6", parse("openrouter/opus-4.6").model());
    }

    @Test
    void emptyPartsAreInvalid() {
        for (String raw : new String[] {"", "   ", "/gpt", "openai/", " / ", "openai/   "}) {
            assertEquals(Optional.empty(), ModelRef.parse(raw, ModelRef.DEFAULT_PROVIDER), "'" + raw + "'");
        }
    }

    @Test
    void whitespaceInsideTheProviderIsInvalid() {
        assertTrue(ModelRef.parse("open ai/gpt", ModelRef.DEFAULT_PROVIDER).isEmpty());
    }

    @Test
    void nullIsInvalid() {
        assertTrue(ModelRef.parse(null, ModelRef.DEFAULT_PROVIDER).isEmpty());
    }

    @Test
    void defaultRefIsAnthropicOpus() {
        assertEquals("anthropic/claude-opus-4-6", ModelRef.defaultRef().key());
    }
}
