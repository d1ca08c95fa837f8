package dev.nemo.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.NemoException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogParserTest {
    @Test
    void readsOpenRouterMetadata() {
        List<ModelScanResult> models = CatalogParser.parse("""
                {"data": [{"id": "meta-llama/llama-3.3-70b-instruct:free", "name": "Llama 3.3 70B", "created": 1733506137,
                  "context_length": 131072, "architecture": {"modality": "text+image->text"},
                  "pricing": {"prompt": "0", "completion": "0", "request": "0", "image": "0", "web_search": "0", "internal_reasoning": "0"},
                  "top_provider": {"max_completion_tokens": 8192}, "supported_parameters": ["tools", "tool_choice", "temperature"]},
                  {"name": "no id"}]}
                """, "openrouter", "OpenRouter");
        assertThat(models).hasSize(1);
        ModelScanResult m = models.get(0);
        assertThat(m.modelRef()).isEqualTo("openrouter/meta-llama/llama-3.3-70b-instruct:free");
        assertThat(m.createdAtMs()).isEqualTo(1733506137000L);
        assertThat(m.contextLength()).isEqualTo(131072);
        assertThat(m.maxCompletionTokens()).isEqualTo(8192);
        assertThat(m.supportedParametersCount()).isEqualTo(3);
        assertThat(m.supportsToolsMeta()).isTrue();
        assertThat(m.inferredParamB()).isEqualTo(70.0);
        assertThat(m.isFree()).isTrue();
        assertThat(m.pricing().prompt()).isZero();
        assertThat(m.acceptsImages()).isTrue();
    }

    @Test
    void modalityFallsBackToInputModalitiesAndImageOutputIsNotImageInput() {
        List<ModelScanResult> models = CatalogParser.parse("""
                {"data": [{"id": "a/in", "architecture": {"input_modalities": ["text", "image"]}},
                          {"id": "a/out", "architecture": {"modality": "text->image"}}]}
                """, "openrouter", "OpenRouter");
        assertThat(models.get(0).modality()).isEqualTo("text+image->text");
        assertThat(models.get(0).acceptsImages()).isTrue();
        assertThat(models.get(1).acceptsImages()).isFalse();
    }

    @Test
    void aBodyWithoutADataListIsAFailureNamingTheProvider() {
        assertThatThrownBy(() -> CatalogParser.parse("{\"models\": []}", "openrouter", "OpenRouter"))
                .isInstanceOf(NemoException.class).hasMessageContaining("OpenRouter /models");
    }
}
