package dev.nemo.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.NemoException;
import dev.nemo.config.ConfigIssue;
import dev.nemo.config.ConfigParser;
import dev.nemo.config.NemoConfig;
import dev.nemo.providers.ProviderRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {
    private static final String BUILTIN = """
            {"providers": {
              "anthropic": {"local": false, "models": [
                {"id": "claude-opus-4-6", "name": "Claude Opus 4.6", "input": ["text", "image"], "contextWindow": 200000, "maxTokens": 128000},
                {"id": "claude-sonnet-4-5", "name": "Claude Sonnet 4.5", "input": ["text", "image"], "contextWindow": 200000, "maxTokens": 64000}]},
              "openai": {"local": false, "models": [
                {"id": "gpt-5", "name": "GPT-5", "input": ["text", "image"], "contextWindow": 400000, "maxTokens": 128000}]}
            }}""";

    private static NemoConfig config(String json) throws Exception {
        List<ConfigIssue> issues = new ArrayList<>();
        NemoConfig config = ConfigParser.parse(new ObjectMapper().readTree(json), issues);
        assertEquals(List.of(), issues);
        return config;
    }

    private static ModelCatalog catalog(String configJson) throws Exception {
        NemoConfig config = config(configJson);
        return ModelCatalog.merge(BuiltinCatalog.parse(new ObjectMapper().readTree(BUILTIN)), config,
                new ProviderRegistry(config));
    }

    @Test
    void shippedCatalogueLoadsAndHasTheDefaultModel() {
        List<BuiltinCatalog.Entry> entries = BuiltinCatalog.read();
        assertTrue(entries.stream().anyMatch(e -> e.model().key().equals(ModelRef.defaultRef().key())));
        assertTrue(entries.stream().allMatch(e -> e.model().contextWindow() > 0 && e.model().maxTokens() > 0));
    }

    @Test
    void configuredModelTakesTheReferenceDefaultsForOmittedFields() throws Exception {
        ModelCatalog catalog = catalog("""
                {"models": {"providers": {"ollama": {"baseUrl": "http://localhost:11434/v1", "models": [{"id": "llama3.3"}]}}}}""");
        CatalogModel m = catalog.find(new ModelRef("ollama", "llama3.3")).orElseThrow();
        assertEquals("llama3.3", m.name());
        assertEquals(List.of("text"), m.input());
        assertEquals(200_000, m.contextWindow());
        assertEquals(8192, m.maxTokens());
        assertTrue(m.local());
    }

    @Test
    void configuredModelReplacesTheBuiltInEntryWithTheSameKey() throws Exception {
        ModelCatalog catalog = catalog("""
                {"models": {"providers": {"openai": {"models": [{"id": "gpt-5", "name": "Mine", "contextWindow": 1000}]}}}}""");
        CatalogModel m = catalog.find(new ModelRef("openai", "gpt-5")).orElseThrow();
        assertEquals("Mine", m.name());
        assertEquals(1000, m.contextWindow());
        assertEquals(3, catalog.all().size());
    }

    @Test
    void builtInProviderPointedAtLocalhostBecomesLocal() throws Exception {
        ModelCatalog catalog = catalog("""
                {"models": {"providers": {"openai": {"baseUrl": "http://127.0.0.1:4000/v1"}}}}""");
        assertTrue(catalog.find(new ModelRef("openai", "gpt-5")).orElseThrow().local());
        assertFalse(catalog.find(new ModelRef("anthropic", "claude-opus-4-6")).orElseThrow().local());
    }

    @Test
    void allIsSortedByProviderThenModelId() throws Exception {
        ModelCatalog catalog = catalog("""
                {"models": {"providers": {"anthropic-proxy": {"baseUrl": "https://p.example/v1", "models": [{"id": "a"}]}}}}""");
        assertEquals(List.of("anthropic/claude-opus-4-6", "anthropic/claude-sonnet-4-5", "anthropic-proxy/a", "openai/gpt-5"),
                catalog.all().stream().map(CatalogModel::key).toList());
    }

    @Test
    void catalogueEntryWithoutIdIsReportedAsRegistryUnavailable() {
        NemoException e = assertThrows(NemoException.class, () -> BuiltinCatalog.parse(new ObjectMapper().readTree(
                "{\"providers\": {\"x\": {\"models\": [{\"name\": \"n\", \"contextWindow\": 1, \"maxTokens\": 1}]}}}")));
        assertTrue(e.getMessage().startsWith("Model registry unavailable:\n"), e.getMessage());
        assertTrue(e.getMessage().contains("providers.x.models[0].id"), e.getMessage());
    }

    @Test
    void catalogedRefIsKnown() throws Exception {
        assertFalse(catalog("{}").unknown(new ModelRef("openai", "gpt-5")));
    }

    @Test
    void knownProviderWithoutCataloguedModelsAcceptsAnyId() throws Exception {
        assertFalse(catalog("{}").unknown(new ModelRef("openrouter", "moonshotai/kimi-k2")));
    }

    @Test
    void unknownProviderAndUncataloguedModelAreUnknown() throws Exception {
        assertTrue(catalog("{}").unknown(new ModelRef("anthropc", "claude-opus-4-6")));
        assertTrue(catalog("{}").unknown(new ModelRef("openai", "gtp-5")));
    }

    @Test
    void mistypedModelSuggestsTheClosestOfItsProvider() throws Exception {
        assertEquals(" Did you mean openai/gpt-5?", catalog("{}").suggestions(new ModelRef("openai", "gtp-5"), List.of()));
    }

    @Test
    void mistypedProviderSuggestsTheSameModelOfTheRightProvider() throws Exception {
        String hint = catalog("{}").suggestions(new ModelRef("anthropc", "claude-opus-4-6"), List.of());
        assertTrue(hint.startsWith(" Did you mean anthropic/claude-opus-4-6"), hint);
    }

    @Test
    void mistypedAliasIsSuggestedFirst() throws Exception {
        String hint = catalog("{}").suggestions(new ModelRef("anthropic", "opsu"), List.of("opus", "gpt"));
        assertTrue(hint.endsWith("Did you mean opus?"), hint);
    }

    @Test
    void fragmentOfAModelIdFindsTheModelsContainingIt() {
        assertEquals(List.of("anthropic/claude-sonnet-4-5"),
                ModelCatalog.closest("anthropic/sonnet", List.of("anthropic/claude-sonnet-4-5", "openai/gpt-5")));
    }

    @Test
    void unrelatedInputGetsNoSuggestion() {
        assertEquals(List.of(), ModelCatalog.closest("foo/bar", List.of("anthropic/claude-sonnet-4-5", "openai/gpt-5")));
    }
}
