package dev.nemo.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.WithFakeProvider;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `models scan` end to end: the packaged CLI against a loopback catalogue + provider. The fake's
 * model ids pick the answers: {@code tools} returns a tool call, {@code vision} accepts images,
 * {@code slow} waits, {@code fail} answers 500.
 */
class ScanIT extends WithFakeProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-or-v1-Zq8WvL2mN4pR7tY1uI3oP5aS9dF6gH0j";
    private static final long DAY_S = 86_400L;

    @BeforeEach
    void start() {
        Fixture.writeConfig(nemo, """
                {
                  // the scan reads OpenRouter's catalogue from the fake
                  "models": {"providers": {"openrouter": {"baseUrl": "%s/api/v1"}}},
                  "agents": {"defaults": {"model": {"primary": "anthropic/claude-opus-4-6", "fallbacks": ["openai/gpt-5"]}}},
                  "x-unknown": {"kept": true}
                }
                """.formatted(fake.baseUrl()));
        fake.catalogue(catalogue(
                entry("meta-llama/llama-3.3-70b-instruct-tools:free", "Llama 3.3 70B", 131072, "text->text", daysAgo(10), "0", "0"),
                entry("google/gemma-3-27b-it-tools-vision:free", "Gemma 3 27B", 96000, "text+image->text", daysAgo(5), "0", "0"),
                entry("qwen/qwen3-8b-tools-slow:free", "Qwen3 8B", 40960, "text->text", daysAgo(20), "0", "0"),
                entry("mistralai/mistral-7b-instruct:free", "Mistral 7B", 32768, "text->text", daysAgo(3), "0", "0"),
                entry("broken/fail-tools:free", "Broken", 8192, "text->text", null, "0", "0"),
                entry("vision/pixtral-12b-vision-slow", "Pixtral 12B", 65536, "text+image->text", daysAgo(2), "0", "0"),
                entry("openai/gpt-4o-tools", "GPT-4o", 128000, "text+image->text", daysAgo(1), "0.0000025", "0.00001"),
                entry("old/ancient-13b:free", "Ancient 13B", 4096, "text->text", daysAgo(400), "0", "0")));
    }

    private static Long daysAgo(int days) {
        return System.currentTimeMillis() / 1000 - days * DAY_S;
    }

    private static String entry(String id, String name, int ctx, String modality, Long created, String prompt, String completion) {
        return """
                {"id": "%s", "name": "%s", %s "context_length": %d, "architecture": {"modality": "%s"},
                 "pricing": {"prompt": "%s", "completion": "%s"}, "supported_parameters": ["tools", "temperature"]}
                """.formatted(id, name, created == null ? "" : "\"created\": " + created + ",", ctx, modality, prompt, completion);
    }

    private static String catalogue(String... entries) {
        return "{\"data\": [" + String.join(",", entries) + "]}";
    }

    private static List<String> refs(JsonNode results) {
        List<String> out = new ArrayList<>();
        results.forEach(r -> out.add(r.path("modelRef").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private List<FakeProvider.Seen> probes() {
        return fake.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
    }

    @Test
    void probesFreeModelsAndRanksImageOkThenFastToolModelsFirst() throws Exception {
        var run = nemo.env("OPENROUTER_API_KEY", KEY).run("models", "scan", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = JSON.readTree(run.stdout());
        assertThat(refs(json.path("results"))).containsExactly(
                "openrouter/google/gemma-3-27b-it-tools-vision:free",
                "openrouter/vision/pixtral-12b-vision-slow",
                "openrouter/meta-llama/llama-3.3-70b-instruct-tools:free",
                "openrouter/qwen/qwen3-8b-tools-slow:free",
                "openrouter/mistralai/mistral-7b-instruct:free",
                "openrouter/broken/fail-tools:free",
                "openrouter/old/ancient-13b:free");
        JsonNode llama = json.path("results").get(2);
        assertThat(llama.path("id").asText()).isEqualTo("meta-llama/llama-3.3-70b-instruct-tools:free");
        assertThat(llama.path("provider").asText()).isEqualTo("openrouter");
        assertThat(llama.path("inferredParamB").asDouble()).isEqualTo(70.0);
        assertThat(llama.path("isFree").asBoolean()).isTrue();
        assertThat(llama.path("supportsToolsMeta").asBoolean()).isTrue();
        assertThat(llama.path("tool").path("ok").asBoolean()).isTrue();
        assertThat(llama.path("image").path("skipped").asBoolean()).isTrue();
        JsonNode mistral = json.path("results").get(4);
        assertThat(mistral.path("tool").path("ok").asBoolean()).isFalse();
        assertThat(mistral.path("tool").path("error").asText()).isEqualTo("No tool call returned");
        assertThat(json.path("results").get(5).path("tool").path("status").asText()).isEqualTo("unknown");
        assertThat(texts(json.path("selected"))).containsExactly("openrouter/google/gemma-3-27b-it-tools-vision:free",
                "openrouter/meta-llama/llama-3.3-70b-instruct-tools:free", "openrouter/qwen/qwen3-8b-tools-slow:free");
        assertThat(texts(json.path("selectedImages"))).containsExactly("openrouter/google/gemma-3-27b-it-tools-vision:free",
                "openrouter/vision/pixtral-12b-vision-slow");
        assertThat(json.path("applied").asBoolean()).isFalse();
        assertThat(json.path("warnings").isArray()).isTrue();
    }

    @Test
    void probesUseTinyCapsTheToolChoiceAndTheKey() {
        var run = nemo.env("OPENROUTER_API_KEY", KEY).run("models", "scan", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // 7 free models get a tool probe; the 2 image-input ones an image probe too. The paid one gets nothing.
        assertThat(probes()).hasSize(9);
        assertThat(probes()).noneMatch(r -> r.model().equals("openai/gpt-4o-tools"));
        var tool = probes().stream().filter(r -> r.body().has("tools")).findFirst().orElseThrow();
        assertThat(tool.body().path("max_tokens").asInt()).isEqualTo(32);
        assertThat(tool.body().path("tool_choice").asText()).isEqualTo("required");
        assertThat(tool.body().path("tools").get(0).path("function").path("name").asText()).isEqualTo("ping");
        assertThat(tool.header("authorization")).isEqualTo("Bearer " + KEY);
        var image = probes().stream().filter(r -> !r.body().has("tools")).findFirst().orElseThrow();
        assertThat(image.body().path("max_tokens").asInt()).isEqualTo(16);
        assertThat(image.body().toString()).contains("data:image/png;base64,");
        var catalogue = fake.requests().stream().filter(r -> r.path().equals("/api/v1/models")).findFirst().orElseThrow();
        assertThat(catalogue.header("accept")).isEqualTo("application/json");
    }

    @Test
    void textOutputHasTheSummaryAndTableAndWritesNothingWithoutYes() {
        byte[] before = Fixture.bytes(Fixture.config(nemo));
        var run = nemo.env("OPENROUTER_API_KEY", KEY).run("models", "scan", "--no-input");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("Scan results: tested 7, tool ok 3, image ok 2, tool+image ok 1, image only 1");
        assertThat(run.stdout()).as("piped: plain columns").containsPattern("\nModel +Tool +Image +Ctx +Params +Notes\n")
                .doesNotContain("│");
        String llamaRow = run.stdout().lines().filter(l -> l.contains("llama-3.3-70b")).findFirst().orElseThrow();
        assertThat(llamaRow).contains("ms").contains("skip").contains("128k").contains("70b").contains("modality:text->text");
        String mistralRow = run.stdout().lines().filter(l -> l.contains("mistral-7b")).findFirst().orElseThrow();
        assertThat(mistralRow).contains("fail");
        assertThat(run.stdout()).doesNotContain("gpt-4o");
        assertThat(run.stdout()).contains("Nothing written; pass --yes");
        assertThat(Fixture.bytes(Fixture.config(nemo))).isEqualTo(before);
    }

    @Test
    void yesWithSetDefaultAndSetImageWritesTheSelection() throws Exception {
        var run = nemo.env("OPENROUTER_API_KEY", KEY).run("models", "scan", "--yes", "--set-default", "--set-image");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String gemma = "openrouter/google/gemma-3-27b-it-tools-vision:free";
        String llama = "openrouter/meta-llama/llama-3.3-70b-instruct-tools:free";
        String qwen = "openrouter/qwen/qwen3-8b-tools-slow:free";
        String pixtral = "openrouter/vision/pixtral-12b-vision-slow";
        assertThat(run.stdout()).contains("Updated ").contains("Fallbacks: " + gemma + ", " + llama + ", " + qwen)
                .contains("Image fallbacks: " + gemma + ", " + pixtral).contains("Default model: " + gemma)
                .contains("Image model: " + gemma);
        JsonNode config = JSON.readTree(Files.readString(Fixture.config(nemo)));
        JsonNode defaults = config.path("agents").path("defaults");
        assertThat(defaults.path("model").path("primary").asText()).isEqualTo(gemma);
        assertThat(texts(defaults.path("model").path("fallbacks"))).containsExactly(gemma, llama, qwen);
        assertThat(defaults.path("imageModel").path("primary").asText()).isEqualTo(gemma);
        assertThat(texts(defaults.path("imageModel").path("fallbacks"))).containsExactly(gemma, pixtral);
        List<String> allowed = new ArrayList<>();
        defaults.path("models").fieldNames().forEachRemaining(allowed::add);
        assertThat(allowed).contains(gemma, llama, qwen, pixtral);
        assertThat(config.path("x-unknown").path("kept").asBoolean()).isTrue();
    }

    @Test
    void yesWithoutSetFlagsReplacesFallbacksAndKeepsThePrimary() throws Exception {
        var run = nemo.env("OPENROUTER_API_KEY", KEY).run("models", "scan", "--yes", "--max-candidates", "1");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode model = JSON.readTree(Files.readString(Fixture.config(nemo))).path("agents").path("defaults").path("model");
        assertThat(model.path("primary").asText()).isEqualTo("anthropic/claude-opus-4-6");
        assertThat(texts(model.path("fallbacks"))).containsExactly("openrouter/google/gemma-3-27b-it-tools-vision:free");
    }

    @Test
    void notATerminalAndNoYesFailsBeforeAnyRequest() {
        byte[] before = Fixture.bytes(Fixture.config(nemo));
        var run = nemo.env("OPENROUTER_API_KEY", KEY).run("models", "scan");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderr()).contains("Non-interactive scan: pass --yes to apply defaults.");
        assertThat(run.stdout()).isEmpty();
        assertThat(fake.requests()).isEmpty();
        assertThat(Fixture.bytes(Fixture.config(nemo))).isEqualTo(before);
    }

    @Test
    void withoutAKeyTheScanIsMetadataOnlyWithANoteOnStderr() {
        var run = nemo.run("models", "scan");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).contains("no OpenRouter key found").contains("OPENROUTER_API_KEY").contains("metadata only");
        assertThat(run.stdout()).startsWith("Found 7 OpenRouter free models (metadata only");
        assertThat(probes()).isEmpty();
        assertThat(fake.requests()).singleElement().satisfies(r -> assertThat(r.header("authorization")).isNull());
    }

    @Test
    void aStoredProfileIsTheKeyBeforeTheEnvironment() {
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {"openrouter:main": {"type": "api_key", "provider": "openrouter", "key": "sk-or-v1-profile-0123456789"}}}
                """);
        var run = nemo.env("OPENROUTER_API_KEY", KEY).run("models", "scan", "--json", "--max-age-days", "7");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(probes()).isNotEmpty().allMatch(r -> r.header("authorization").equals("Bearer sk-or-v1-profile-0123456789"));
    }

    @Test
    void filtersKeepFreeModelsByPrefixSizeAndAge() throws Exception {
        var byPrefix = nemo.run("models", "scan", "--no-probe", "--json", "--provider", "Meta-Llama");
        assertThat(refs(JSON.readTree(byPrefix.stdout()))).containsExactly("openrouter/meta-llama/llama-3.3-70b-instruct-tools:free");
        var bySize = nemo.run("models", "scan", "--no-probe", "--json", "--min-params", "12");
        assertThat(refs(JSON.readTree(bySize.stdout()))).containsExactlyInAnyOrder(
                "openrouter/meta-llama/llama-3.3-70b-instruct-tools:free", "openrouter/google/gemma-3-27b-it-tools-vision:free",
                "openrouter/vision/pixtral-12b-vision-slow", "openrouter/old/ancient-13b:free");
        var byAge = nemo.run("models", "scan", "--no-probe", "--json", "--max-age-days", "30");
        assertThat(refs(JSON.readTree(byAge.stdout()))).doesNotContain("openrouter/old/ancient-13b:free")
                .contains("openrouter/broken/fail-tools:free") // no created date: passes
                .hasSize(6);
    }

    @Test
    void noProbeJsonIsTheRawResultArrayInRankOrder() throws Exception {
        var run = nemo.env("OPENROUTER_API_KEY", KEY).run("models", "scan", "--no-probe", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = JSON.readTree(run.stdout());
        assertThat(json.isArray()).isTrue();
        // Unprobed: larger context first.
        assertThat(refs(json).get(0)).isEqualTo("openrouter/meta-llama/llama-3.3-70b-instruct-tools:free");
        assertThat(probes()).isEmpty();
    }

    @Test
    void inFlightMaximumSeenByServerEqualsConcurrency() {
        fake.catalogue(catalogue(IntStream.range(0, 16)
                .mapToObj(i -> entry("p/model-" + i + "-tools:free", "M" + i, 8192, "text->text", null, "0", "0"))
                .toArray(String[]::new)));
        fake.holdAnswersUntilInFlight(4);
        var run = nemo.env("OPENROUTER_API_KEY", KEY).run("models", "scan", "--concurrency", "4", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(probes()).hasSize(16);
        assertThat(fake.maxInFlight()).isEqualTo(4);
    }

    @Test
    void aHungProbeEndsAtTheTimeout() throws Exception {
        fake.catalogue(catalogue(entry("a/quick-tools:free", "Quick", 8192, "text->text", null, "0", "0"),
                entry("a/sluggish-tools-hang:free", "Sluggish", 8192, "text->text", null, "0", "0")));
        var run = nemo.env("OPENROUTER_API_KEY", KEY).run("models", "scan", "--timeout", "100", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode slow = JSON.readTree(run.stdout()).path("results").get(1);
        assertThat(slow.path("modelRef").asText()).isEqualTo("openrouter/a/sluggish-tools-hang:free");
        assertThat(slow.path("tool").path("status").asText()).isEqualTo("timeout");
        assertThat(slow.path("tool").path("latencyMs").asLong()).isGreaterThanOrEqualTo(100L);
        fake.awaitAbandoned(1, 30);
    }

    @Test
    void ctrlCStopsTheScanWritesNothingAndExits130() {
        fake.catalogue(catalogue(entry("a/quick-tools:free", "Quick", 8192, "text->text", null, "0", "0"),
                entry("a/stuck-tools-hang:free", "Stuck", 8192, "text->text", null, "0", "0")));
        byte[] before = Fixture.bytes(Fixture.config(nemo));
        var running = nemo.env("OPENROUTER_API_KEY", KEY).start("models", "scan", "--yes", "--timeout", "60000");
        fake.awaitRequests(3, 60); // the catalogue and both tool probes
        running.interrupt();
        var run = running.await();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(130);
        assertThat(run.stderr()).contains("Scan interrupted; nothing was written.");
        assertThat(Fixture.bytes(Fixture.config(nemo))).isEqualTo(before);
        fake.awaitAbandoned(1, 30);
    }

    @Test
    void catalogueHttpFailureNamesTheProviderAndStatus() {
        fake.catalogue("{\"error\": \"down\"}", 503);
        var run = nemo.env("OPENROUTER_API_KEY", KEY).run("models", "scan", "--yes");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderr()).contains("OpenRouter /models failed: HTTP 503");
    }

    @Test
    void noToolCapableModelFails() {
        fake.catalogue(catalogue(entry("a/chatty:free", "Chatty", 8192, "text->text", null, "0", "0")));
        var run = nemo.env("OPENROUTER_API_KEY", KEY).run("models", "scan", "--yes");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderr()).contains("No tool-capable OpenRouter free models found.");
    }

    @Test
    void anotherOpenAiCompatibleProviderCanServeTheCatalogue() throws Exception {
        Fixture.writeConfig(nemo, """
                {"models": {"providers": {"local": {"baseUrl": "%s/v1", "api": "openai-completions", "apiKey": "local-key-0123456789"}}}}
                """.formatted(fake.baseUrl()));
        var run = nemo.run("models", "scan", "--catalog-provider", "local", "--json", "--max-age-days", "7");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(refs(JSON.readTree(run.stdout()).path("results"))).allMatch(r -> r.startsWith("local/"));
        assertThat(fake.requests()).allMatch(r -> "Bearer local-key-0123456789".equals(r.header("authorization")));
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        for (String[] args : List.of(new String[] {"--concurrency", "0"}, new String[] {"--timeout", "-5"},
                new String[] {"--max-candidates", "0"}, new String[] {"--min-params", "-1"}, new String[] {"--max-age-days", "x"},
                new String[] {"--no-probe", "--set-default"}, new String[] {"--catalog-provider", "anthropic"})) {
            List<String> command = new ArrayList<>(List.of("models", "scan", "--yes"));
            command.addAll(List.of(args));
            var run = nemo.env("OPENROUTER_API_KEY", KEY).run(command.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run).isEqualTo(64);
        }
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void probeErrorsNeverShowTheKey() throws Exception {
        fake.catalogue(catalogue(entry("a/tools:free", "T", 8192, "text->text", null, "0", "0"),
                entry("a/fail:free", "F", 8192, "text->text", null, "0", "0")));
        var run = nemo.env("OPENROUTER_API_KEY", KEY).run("models", "scan", "--json");
        assertThat(run.stdout() + run.stderr()).doesNotContain(KEY);
        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.stdout()).path("results").toString()).contains("HTTP 500").doesNotContain("sk-or-v1");
    }
}
