package dev.nemo.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.NemoException;
import dev.nemo.config.ConfigFile;
import dev.nemo.config.Environment;
import dev.nemo.config.NemoConfig;
import dev.nemo.providers.ProviderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write side of model selection, on a real config file in a temporary directory. */
class SelectionEditorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPUS = "anthropic/claude-opus-4-6";
    private static final String GPT = "openai/gpt-5";

    @TempDir
    Path dir;
    Path config;
    SelectionEditor editor;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        config = dir.resolve("nemo.json");
        Files.writeString(config, """
                {
                  // kept as is by every edit
                  "x-unknown": {"kept": true},
                  "agents": {"defaults": {
                    "model": {"primary": "%s", "fallbacks": ["%s"]},
                    "models": {"%s": {"alias": "opus"}, "%s": {}}
                  }}
                }
                """.formatted(OPUS, GPT, OPUS, GPT));
        ConfigFile file = new ConfigFile(config, new Environment(Map.of("HOME", dir.toString())));
        editor = new SelectionEditor(file, ModelCatalog.load(NemoConfig.EMPTY, new ProviderRegistry(NemoConfig.EMPTY)),
                warnings::add, false);
    }

    private JsonNode defaults() throws Exception {
        return JSON.readTree(Files.readString(config)).path("agents").path("defaults");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    void setPrimaryThroughAnAliasKeepsFallbacksAndUnknownKeys() throws Exception {
        Files.writeString(config, Files.readString(config).replace("\"primary\": \"" + OPUS + "\"", "\"primary\": \"" + GPT + "\""));
        SelectionEditor.Outcome outcome = editor.setPrimary(ModelSlot.TEXT, "OPUS");
        assertThat(outcome.written()).isTrue();
        assertThat(outcome.key()).isEqualTo(OPUS);
        assertThat(defaults().path("model").path("primary").asText()).isEqualTo(OPUS);
        assertThat(texts(defaults().path("model").path("fallbacks"))).containsExactly(GPT);
        assertThat(JSON.readTree(Files.readString(config)).path("x-unknown").path("kept").asBoolean()).isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void settingWhatIsAlreadySetWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(config);
        assertThat(editor.setPrimary(ModelSlot.TEXT, OPUS).written()).isFalse();
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
    }

    @Test
    void anUnknownModelIsRefusedNamingTheNearestKnownOneAndNothingIsWritten() throws Exception {
        byte[] before = Files.readAllBytes(config);
        assertThatThrownBy(() -> editor.setPrimary(ModelSlot.TEXT, "anthropic/claude-opus-4-7"))
                .hasMessageContaining("not in the model catalogue").hasMessageContaining("Did you mean").hasMessageContaining(OPUS)
                .hasMessageContaining("--force");
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
    }

    @Test
    void anUnknownModelIsSavedWithAWarningWhenForced() throws Exception {
        SelectionEditor forced = new SelectionEditor(new ConfigFile(config, new Environment(Map.of("HOME", dir.toString()))),
                ModelCatalog.load(NemoConfig.EMPTY, new ProviderRegistry(NemoConfig.EMPTY)), warnings::add, true);
        forced.setPrimary(ModelSlot.TEXT, "anthropic/claude-opus-4-7");
        assertThat(defaults().path("model").path("primary").asText()).isEqualTo("anthropic/claude-opus-4-7");
        assertThat(warnings).singleElement().asString().contains("not in the model catalogue").contains("saved anyway");
    }

    @Test
    void setImageSetsTheImageSlotAndAllowsTheModel() throws Exception {
        editor.setPrimary(ModelSlot.IMAGE, "google/gemini-2.5-flash");
        assertThat(defaults().path("imageModel").path("primary").asText()).isEqualTo("google/gemini-2.5-flash");
        assertThat(defaults().path("models").has("google/gemini-2.5-flash")).isTrue();
    }

    @Test
    void anAliasGoesOnTheTargetsAllowlistEntry() throws Exception {
        SelectionEditor.Outcome outcome = editor.addAlias(" gpt ", GPT);
        assertThat(outcome.values()).containsExactly("gpt");
        assertThat(defaults().path("models").path(GPT).path("alias").asText()).isEqualTo("gpt");
    }

    @Test
    void anAliasThatDiffersOnlyInCaseFromAnotherTargetsIsRefusedAndNothingIsWritten() throws Exception {
        byte[] before = Files.readAllBytes(config);
        assertThatThrownBy(() -> editor.addAlias("Opus", GPT)).isInstanceOf(NemoException.class)
                .hasMessage("Alias Opus already points to " + OPUS + ".");
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
    }

    @Test
    void removingAnAliasKeepsTheModelAllowed() throws Exception {
        SelectionEditor.Outcome outcome = editor.removeAlias("opus");
        assertThat(outcome.key()).isEqualTo(OPUS);
        assertThat(outcome.values()).isEmpty();
        assertThat(defaults().path("models").has(OPUS)).isTrue();
        assertThat(defaults().path("models").path(OPUS).has("alias")).isFalse();
    }

    @Test
    void removingAnAliasThatIsNotThereFailsAndWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(config);
        assertThatThrownBy(() -> editor.removeAlias("OPUS")).isInstanceOf(NemoException.class).hasMessage("Alias not found: OPUS");
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
    }

    @Test
    void aFallbackAlreadyInTheChainUnderAnotherSpellingIsNotAddedTwice() throws Exception {
        editor.setPrimary(ModelSlot.TEXT, GPT);
        editor.addFallback(ModelSlot.TEXT, OPUS);
        byte[] before = Files.readAllBytes(config);
        SelectionEditor.Outcome outcome = editor.addFallback(ModelSlot.TEXT, "opus");
        assertThat(outcome.written()).isFalse();
        assertThat(outcome.values()).containsExactly(GPT, OPUS);
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
    }

    @Test
    void removingAFallbackDropsEveryEntryThatResolvesToIt() throws Exception {
        Files.writeString(config, Files.readString(config).replace("\"fallbacks\": [\"" + GPT + "\"]",
                "\"fallbacks\": [\"opus\", \"" + GPT + "\", \"" + OPUS + "\"]"));
        SelectionEditor.Outcome outcome = editor.removeFallback(ModelSlot.TEXT, "opus");
        assertThat(outcome.values()).containsExactly(GPT);
        assertThat(texts(defaults().path("model").path("fallbacks"))).containsExactly(GPT);
    }

    @Test
    void removingAFallbackThatIsNotInTheChainFails() {
        assertThatThrownBy(() -> editor.removeFallback(ModelSlot.IMAGE, GPT)).isInstanceOf(NemoException.class)
                .hasMessageContaining("not found: " + GPT);
    }

    @Test
    void clearingAnEmptyChainWritesNothing() throws Exception {
        assertThat(editor.clearFallbacks(ModelSlot.TEXT).written()).isTrue();
        assertThat(texts(defaults().path("model").path("fallbacks"))).isEmpty();
        byte[] before = Files.readAllBytes(config);
        assertThat(editor.clearFallbacks(ModelSlot.TEXT).written()).isFalse();
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
    }

    @Test
    void aScanSelectionReplacesBothChainsAndSetsOnlyTheGivenPrimaries() throws Exception {
        String free = "openrouter/meta-llama/llama-3.3-70b-instruct:free";
        String vision = "openrouter/google/gemma-3-27b-it:free";
        editor.applyScan(List.of(free, vision), List.of(vision), null, vision);
        JsonNode defaults = defaults();
        assertThat(defaults.path("model").path("primary").asText()).isEqualTo(OPUS);
        assertThat(texts(defaults.path("model").path("fallbacks"))).containsExactly(free, vision);
        assertThat(defaults.path("imageModel").path("primary").asText()).isEqualTo(vision);
        assertThat(texts(defaults.path("imageModel").path("fallbacks"))).containsExactly(vision);
        assertThat(defaults.path("models").has(free)).isTrue();
        assertThat(defaults.path("models").has(vision)).isTrue();
    }

    @Test
    void aScanWithoutImageModelsLeavesTheImageChainAlone() throws Exception {
        editor.addFallback(ModelSlot.IMAGE, "google/gemini-2.5-flash");
        editor.applyScan(List.of(GPT), List.of(), null, null);
        assertThat(texts(defaults().path("imageModel").path("fallbacks"))).containsExactly("google/gemini-2.5-flash");
    }
}
