package dev.nemo.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.config.ConfigIssue;
import dev.nemo.config.ConfigParser;
import dev.nemo.config.NemoConfig;
import dev.nemo.models.AliasIndex;
import dev.nemo.models.BuiltinCatalog;
import dev.nemo.models.ModelCatalog;
import dev.nemo.models.ModelSelection;
import dev.nemo.providers.ProviderRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelListerTest {
    private static final String CONFIG = """
            {"agents": {"defaults": {
              "model": {"primary": "opus", "fallbacks": ["openai/gpt-5", "openrouter/moonshotai/kimi-k2", "opus"]},
              "imageModel": {"primary": "openai/gpt-5", "fallbacks": ["google/gemini-2.5-flash"]},
              "models": {"anthropic/claude-opus-4-6": {"alias": "opus"}, "openai/gpt-5": {"alias": "gpt"},
                         "ollama/llama3.3": {}}}},
             "models": {"providers": {"ollama": {"baseUrl": "http://127.0.0.1:11434/v1", "models": [{"id": "llama3.3"}]}}}}""";

    private static List<ModelRow> rows(ModelListQuery query, Set<String> providersWithAuth) throws Exception {
        List<ConfigIssue> issues = new ArrayList<>();
        NemoConfig config = ConfigParser.parse(new ObjectMapper().readTree(CONFIG), issues);
        assertEquals(List.of(), issues);
        AliasIndex aliases = new AliasIndex(config.defaults().models());
        ModelSelection selection = new ModelSelection("opus", aliases.resolve("opus").orElseThrow(),
                config.defaults().model().fallbacks(), config.defaults().imageModel().primary(),
                config.defaults().imageModel().fallbacks(), List.copyOf(config.defaults().models().keySet()), aliases,
                "defaults", "defaults");
        ModelCatalog catalog = ModelCatalog.merge(BuiltinCatalog.read(), config, new ProviderRegistry(config));
        return new ModelLister(selection, catalog, providersWithAuth::contains).rows(query);
    }

    private static ModelRow row(List<ModelRow> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key));
    }

    @Test
    void configuredRowsComeInThePeersOrderWithMergedTags() throws Exception {
        List<ModelRow> rows = rows(new ModelListQuery(false, false, null), Set.of());
        assertEquals(List.of("anthropic/claude-opus-4-6", "openai/gpt-5", "openrouter/moonshotai/kimi-k2",
                "google/gemini-2.5-flash", "ollama/llama3.3"), rows.stream().map(ModelRow::key).toList());
        assertEquals(List.of("default", "fallback#3", "configured", "alias:opus"), row(rows, "anthropic/claude-opus-4-6").tags());
        assertEquals(List.of("fallback#1", "image", "configured", "alias:gpt"), row(rows, "openai/gpt-5").tags());
        assertEquals(List.of("img-fallback#1"), row(rows, "google/gemini-2.5-flash").tags());
    }

    @Test
    void modelMissingFromTheCatalogueIsTaggedMissingWithUnknownFields() throws Exception {
        ModelRow kimi = row(rows(new ModelListQuery(false, false, null), Set.of()), "openrouter/moonshotai/kimi-k2");
        assertEquals(List.of("fallback#2", "missing"), kimi.tags());
        assertTrue(kimi.missing());
        assertEquals("moonshotai/kimi-k2", kimi.name());
        assertEquals("-", kimi.input());
        assertNull(kimi.contextWindow());
        assertNull(kimi.local());
        assertNull(kimi.available());
    }

    @Test
    void authOfTheProviderMakesAModelAvailable() throws Exception {
        List<ModelRow> rows = rows(new ModelListQuery(false, false, null), Set.of("openai", "openrouter"));
        assertTrue(row(rows, "openai/gpt-5").available());
        assertFalse(row(rows, "anthropic/claude-opus-4-6").available());
        assertTrue(row(rows, "openrouter/moonshotai/kimi-k2").available());
    }

    @Test
    void localModelIsAvailableWithoutAKey() throws Exception {
        ModelRow llama = row(rows(new ModelListQuery(false, false, null), Set.of()), "ollama/llama3.3");
        assertTrue(llama.local());
        assertTrue(llama.available());
    }

    @Test
    void localFilterKeepsOnlyLocalModels() throws Exception {
        assertEquals(List.of("ollama/llama3.3"),
                rows(new ModelListQuery(true, true, null), Set.of()).stream().map(ModelRow::key).toList());
    }

    @Test
    void allListsTheCatalogueSortedWithConfiguredTagsAndMissingConfiguredModels() throws Exception {
        List<ModelRow> rows = rows(new ModelListQuery(true, false, null), Set.of());
        List<String> keys = rows.stream().map(ModelRow::key).toList();
        assertTrue(keys.indexOf("anthropic/claude-haiku-4-5") < keys.indexOf("anthropic/claude-opus-4-6"));
        assertTrue(keys.indexOf("anthropic/claude-opus-4-6") < keys.indexOf("openai/gpt-5"));
        assertTrue(keys.contains("openrouter/moonshotai/kimi-k2"));
        assertEquals(List.of(), row(rows, "anthropic/claude-haiku-4-5").tags());
        assertEquals(List.of("default", "fallback#3", "configured", "alias:opus"), row(rows, "anthropic/claude-opus-4-6").tags());
    }

    @Test
    void providerFilterKeepsOneProvider() throws Exception {
        List<ModelRow> rows = rows(new ModelListQuery(true, false, "groq"), Set.of());
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.key().startsWith("groq/")));
        assertTrue(rows.stream().anyMatch(r -> r.key().equals("groq/openai/gpt-oss-120b")));
    }
}
