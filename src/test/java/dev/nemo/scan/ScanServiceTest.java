package dev.nemo.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.NemoException;
import dev.nemo.config.Environment;
import dev.nemo.probe.ProbeEngine;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan workflow without a process: a loopback catalogue and provider, a dialog that records
 * what it is shown and answers from a script. Model ids pick the fake's answers ({@code tools}
 * returns a tool call, {@code vision} accepts images).
 * Tool latencies are not compared: which of two tool-only models ranks first is left open.
 */
class ScanServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-or-v1-Zq8WvL2mN4pR7tY1uI3oP5aS9dF6gH0j";
    private static final String GEMMA = "openrouter/google/gemma-27b-tools-vision:free";
    private static final String QWEN = "openrouter/qwen/qwen-8b-tools:free";

    @TempDir
    Path home;
    FakeProvider fake;
    Path config;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void start() {
        fake = new FakeProvider();
        config = Fixture.write(home.resolve(".nemo/nemo.json"), """
                {"models": {"providers": {"openrouter": {"baseUrl": "%s/api/v1"}}},
                 "agents": {"defaults": {"model": {"primary": "anthropic/claude-opus-4-6"}}}}
                """.formatted(fake.baseUrl()));
        fake.catalogue("""
                {"data": [
                  {"id": "meta/llama-70b-tools:free", "context_length": 131072, "architecture": {"modality": "text->text"}},
                  {"id": "google/gemma-27b-tools-vision:free", "context_length": 96000, "architecture": {"modality": "text+image->text"}},
                  {"id": "qwen/qwen-8b-tools:free", "context_length": 40960, "architecture": {"modality": "text->text"}},
                  {"id": "mistral/chatty:free", "context_length": 32768, "architecture": {"modality": "text->text"}},
                  {"id": "paid/model-tools", "context_length": 8192, "pricing": {"prompt": "0.1", "completion": "0.1"}}]}
                """);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private ScanService service(boolean withKey) {
        Map<String, String> vars = new java.util.HashMap<>(Map.of("HOME", home.toString(),
                "NEMO_STATE_DIR", home.resolve(".nemo").toString()));
        if (withKey) {
            vars.put("OPENROUTER_API_KEY", KEY);
        }
        return new ScanService(new Environment(vars), warnings::add);
    }

    private static ScanService.Request request(ScanService.Mode mode, boolean setDefault, boolean setImage, boolean probe) {
        return new ScanService.Request(null, new ScanOptions(0, 0, null, 2, 5_000, 2, probe, null), mode, setDefault, setImage);
    }

    private JsonNode defaults() throws Exception {
        return JSON.readTree(Files.readString(config)).path("agents").path("defaults");
    }

    private List<String> probes() {
        return fake.requests().stream().map(FakeProvider.Seen::path).filter(p -> p.endsWith("/chat/completions")).toList();
    }

    private static ModelScanResult byRef(List<ModelScanResult> options, String ref) {
        return options.stream().filter(m -> m.modelRef().equals(ref)).findFirst().orElseThrow();
    }

    /** Records what the scan shows; answers each question with the next scripted pick. */
    static final class ScriptedDialog implements ScanDialog {
        final List<String> notes = new ArrayList<>();
        final List<List<ModelScanResult>> shown = new ArrayList<>();
        final List<String> titles = new ArrayList<>();
        final Deque<BiFunction<List<ModelScanResult>, List<ModelScanResult>, Optional<List<ModelScanResult>>>> answers =
                new ArrayDeque<>();
        boolean terminal = true;
        boolean cancelAtStart;
        int started;
        int ended;

        @Override
        public void note(String line) {
            notes.add(line);
        }

        @Override
        public boolean canAsk() {
            return terminal;
        }

        @Override
        public void ranked(List<ModelScanResult> results) {
            shown.add(results);
        }

        @Override
        public Optional<List<ModelScanResult>> choose(String title, List<ModelScanResult> options, List<ModelScanResult> preselected) {
            titles.add(title);
            return answers.removeFirst().apply(options, preselected);
        }

        @Override
        public ProbeEngine.Listener started(int probes, Runnable cancel) {
            started = probes;
            if (cancelAtStart) {
                cancel.run();
            }
            return status -> { };
        }

        @Override
        public void ended() {
            ended++;
        }
    }

    @Test
    void previewShowsTheRankingAndReturnsThePreselectionWithoutWriting() throws Exception {
        byte[] before = Files.readAllBytes(config);
        ScriptedDialog dialog = new ScriptedDialog();
        ScanOutcome outcome = service(true).run(request(ScanService.Mode.PREVIEW, true, false, true), dialog);
        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Selected.class, s -> {
            assertThat(s.applied()).isFalse();
            assertThat(s.selection().fallbacks()).hasSize(2).first().isEqualTo(GEMMA); // image-ok first
            assertThat(s.selection().imageFallbacks()).containsExactly(GEMMA);
        });
        assertThat(dialog.started).isEqualTo(5); // four tool probes, one image probe
        assertThat(dialog.ended).isEqualTo(1);
        assertThat(dialog.shown).singleElement().satisfies(r -> assertThat(r.get(0).modelRef()).isEqualTo(GEMMA));
        assertThat(warnings).containsExactly("--set-default/--set-image were not applied: nothing is written without --yes");
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
    }

    @Test
    void applyWritesThePreselectedFallbacksAndTheDefault() throws Exception {
        ScanOutcome outcome = service(true).run(request(ScanService.Mode.APPLY, true, true, true), new ScriptedDialog());
        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.Selected.class, s -> {
            assertThat(s.applied()).isTrue();
            assertThat(s.written()).isTrue();
            assertThat(s.selection().primary()).isEqualTo(GEMMA);
            assertThat(s.selection().imagePrimary()).isEqualTo(GEMMA);
        });
        assertThat(defaults().path("model").path("primary").asText()).isEqualTo(GEMMA);
        assertThat(defaults().path("model").path("fallbacks")).hasSize(2).first().satisfies(f -> assertThat(f.asText()).isEqualTo(GEMMA));
        assertThat(defaults().path("imageModel").path("primary").asText()).isEqualTo(GEMMA);
    }

    @Test
    void promptWritesTheModelsInTheOrderPicked() throws Exception {
        ScriptedDialog dialog = new ScriptedDialog();
        dialog.answers.add((options, pre) -> Optional.of(List.of(byRef(options, QWEN), byRef(options, GEMMA))));
        dialog.answers.add((options, pre) -> Optional.of(List.of()));
        ScanOutcome outcome = service(true).run(request(ScanService.Mode.PROMPT, false, false, true), dialog);
        assertThat(dialog.titles).containsExactly("Select fallback models (ordered)", "Select image fallback models (ordered)");
        assertThat(outcome).isInstanceOf(ScanOutcome.Selected.class);
        assertThat(defaults().path("model").path("fallbacks").toString()).isEqualTo("[\"" + QWEN + "\",\"" + GEMMA + "\"]");
        assertThat(defaults().path("model").path("primary").asText()).isEqualTo("anthropic/claude-opus-4-6");
    }

    @Test
    void cancellingTheFirstQuestionIsDeclinedAndWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(config);
        ScriptedDialog dialog = new ScriptedDialog();
        dialog.answers.add((options, pre) -> Optional.empty());
        assertThat(service(true).run(request(ScanService.Mode.PROMPT, false, false, true), dialog))
                .isInstanceOf(ScanOutcome.Declined.class);
        assertThat(dialog.titles).hasSize(1);
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
    }

    @Test
    void promptWithoutATerminalFailsBeforeAnyRequest() {
        ScriptedDialog dialog = new ScriptedDialog();
        dialog.terminal = false;
        assertThatThrownBy(() -> service(true).run(request(ScanService.Mode.PROMPT, false, false, true), dialog))
                .isInstanceOf(NemoException.class).hasMessage("Non-interactive scan: pass --yes to apply defaults.");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void withoutAKeyTheScanIsMetadataOnlyAfterANote() {
        ScriptedDialog dialog = new ScriptedDialog();
        ScanOutcome outcome = service(false).run(request(ScanService.Mode.PROMPT, false, false, true), dialog);
        assertThat(dialog.notes).singleElement().asString().startsWith("note: no OpenRouter key found")
                .contains("OPENROUTER_API_KEY");
        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.MetadataOnly.class,
                m -> assertThat(m.models()).hasSize(4).noneMatch(r -> r.modelRef().contains("paid")));
        assertThat(probes()).isEmpty();
    }

    @Test
    void setDefaultWithoutProbesIsAUsageError() {
        assertThatThrownBy(() -> service(true).run(request(ScanService.Mode.APPLY, true, false, false), new ScriptedDialog()))
                .isInstanceOfSatisfying(NemoException.class, e -> assertThat(e.kind()).isEqualTo(NemoException.Kind.USAGE));
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void ctrlCDuringTheProbesEndsInterruptedAndWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(config);
        ScriptedDialog dialog = new ScriptedDialog();
        dialog.cancelAtStart = true;
        ScanOutcome outcome = service(true).run(request(ScanService.Mode.APPLY, false, false, true), dialog);
        assertThat(outcome).isInstanceOf(ScanOutcome.Interrupted.class);
        assertThat(dialog.ended).isEqualTo(1);
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
    }
}
