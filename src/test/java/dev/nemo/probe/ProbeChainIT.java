package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import dev.nemo.testing.WithFakeProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code --probe-chain} end to end: each hop of the model and image chains probed in runtime
 * order with the credential the runtime would pick, a verdict per chain, the {@code --check} exit
 * codes for chains, and one JUnit test case per hop. The fake's model ids pick its answers
 * ({@code model-missing} is a model that is gone).
 */
class ProbeChainIT extends WithFakeProvider {
    private static final ObjectMapper JSON = new ObjectMapper();

    private void chain(String primary, List<String> fallbacks, String image, String extraProviders) {
        String fb = String.join(", ", fallbacks.stream().map(f -> "\"" + f + "\"").toList());
        String imageModel = image == null ? "" : ", \"imageModel\": {\"primary\": \"" + image + "\"}";
        Fixture.writeConfig(nemo, """
                {"agents": {"defaults": {"model": {"primary": "%s", "fallbacks": [%s]}%s}},
                 "models": {"providers": {"fake": {"baseUrl": "%s/v1", "api": "openai-completions"}%s}}}
                """.formatted(primary, fb, imageModel, fake.baseUrl(), extraProviders));
    }

    private void storeKey(String extra) {
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {"fake:a": {"type": "api_key", "provider": "fake", "key": "sk-fake-chainZq8WvL2mN4pR7tY1u"}%s}}
                """.formatted(extra));
    }

    private static JsonNode chains(String stdout) throws Exception {
        return JSON.readTree(stdout).path("auth").path("probes").path("chains");
    }

    @Test
    void aChainWhosePrimaryModelIsGoneIsDegradedAndCheckExitsTwo() throws Exception {
        chain("fake/model-missing", List.of("fake/ok"), "fake/ok-delay-1", "");
        storeKey("");
        Path report = home.resolve("chain.xml");

        var run = nemo.run("models", "status", "--probe", "--probe-chain", "--check", "--json", "--probe-report", report.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        JsonNode chains = chains(run.stdout());
        assertThat(chains).hasSize(2);
        assertThat(chains.get(0).path("chain").asText()).isEqualTo("model");
        assertThat(chains.get(0).path("verdict").asText()).isEqualTo("degraded");
        assertThat(chains.get(0).path("firstWorking").asText()).isEqualTo("fallback#1");
        assertThat(chains.get(0).path("hops").get(0).path("reasonCode").asText()).isEqualTo("model_not_found");
        assertThat(chains.get(1).path("chain").asText()).isEqualTo("image");
        assertThat(chains.get(1).path("verdict").asText()).isEqualTo("ok");
        List<String> hops = new ArrayList<>();
        JSON.readTree(run.stdout()).path("auth").path("probes").path("results").forEach(r -> hops.add(r.path("hop").asText()));
        assertThat(hops).containsExactlyInAnyOrder("default", "fallback#1", "image");

        String xml = Files.readString(report);
        List<String> cases = new ArrayList<>();
        Matcher m = Pattern.compile("<testcase classname=\"[^\"]*\" name=\"([^\"]*)\"").matcher(xml);
        while (m.find()) {
            cases.add(m.group(1));
        }
        assertThat(cases).as("one JUnit test case per hop").containsExactlyInAnyOrder(
                "default: fake/model-missing [fake:a]", "fallback#1: fake/ok [fake:a]", "image: fake/ok-delay-1 [fake:a]");
        assertThat(xml).contains("failures=\"1\"");
    }

    @Test
    void aChainWithNoWorkingHopIsDownAndCheckExitsOne() throws Exception {
        chain("fake/model-missing", List.of("fake/status-401"), null, "");
        storeKey("");

        var run = nemo.run("models", "status", "--probe", "--probe-chain", "--check", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode model = chains(run.stdout()).get(0);
        assertThat(model.path("verdict").asText()).isEqualTo("down");
        assertThat(model.has("firstWorking")).isFalse();
    }

    @Test
    void aChainWhosePrimaryWorksIsOkAndCheckExitsZero() throws Exception {
        chain("fake/ok", List.of("fake/model-missing"), null, "");
        storeKey("");

        var run = nemo.run("models", "status", "--probe", "--probe-chain", "--check", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(chains(run.stdout()).get(0).path("verdict").asText()).isEqualTo("ok");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void eachHopIsSentWithTheCredentialTheRuntimeWouldPick() throws Exception {
        long inAnHour = Fixture.inHours(1);
        chain("fake/ok", List.of("other/ok", "cold/ok"), null, """
                , "other": {"baseUrl": "%1$s/v1", "api": "openai-completions", "apiKey": "sk-other-configZq8WvL2mN4pR7tY1u"},
                  "cold": {"baseUrl": "%1$s/v1", "api": "openai-completions"}""".formatted(fake.baseUrl()));
        Fixture.writeStore(nemo, """
                {"version": 1,
                 "profiles": {
                   "fake:cool": {"type": "api_key", "provider": "fake", "key": "sk-fake-coolZq8WvL2mN4pR7tY1u"},
                   "fake:b": {"type": "api_key", "provider": "fake", "key": "sk-fake-bZq8WvL2mN4pR7tY1u"},
                   "cold:only": {"type": "api_key", "provider": "cold", "key": "sk-cold-onlyZq8WvL2mN4pR7tY1u"}},
                 "order": {"fake": ["fake:cool", "fake:b"]},
                 "usageStats": {"fake:cool": {"cooldownUntil": %1$d, "errorCount": 1},
                                "cold:only": {"cooldownUntil": %1$d, "errorCount": 2}}}
                """.formatted(inAnHour));

        var run = nemo.run("models", "status", "--probe", "--probe-chain", "--check", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> keys = fake.requests().stream().map(s -> s.header("authorization")).toList();
        assertThat(keys).containsExactlyInAnyOrder("Bearer sk-fake-bZq8WvL2mN4pR7tY1u", "Bearer sk-other-configZq8WvL2mN4pR7tY1u");
        JsonNode hops = chains(run.stdout()).get(0).path("hops");
        assertThat(hops.get(0).path("label").asText()).isEqualTo("fake:b");
        assertThat(hops.get(1).path("label").asText()).isEqualTo("models.json");
        assertThat(hops.get(2).path("status").asText()).isEqualTo("rate_limit");
        assertThat(hops.get(2).path("reasonCode").asText()).isEqualTo("cooldown");
        JsonNode coldRow = null;
        for (JsonNode r : JSON.readTree(run.stdout()).path("auth").path("probes").path("results")) {
            if ("fallback#2".equals(r.path("hop").asText())) {
                coldRow = r;
            }
        }
        assertThat(coldRow).isNotNull();
        assertThat(coldRow.path("retryAfterMs").asLong()).isBetween(1L, 3_600_000L);
    }

    @Test
    void textViewListsHopsInRuntimeOrderWithTheChainVerdict() {
        chain("fake/model-missing", List.of("fake/ok"), null, "");
        storeKey("");

        var run = nemo.env("COLUMNS", "160").run("models", "status", "--probe", "--probe-chain");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String out = run.stdout();
        assertThat(out.indexOf("default: fake/model-missing")).isPositive().isLessThan(out.indexOf("fallback#1: fake/ok"));
        assertThat(out).contains("Chain model: degraded — default format, fallback#1 ok (runs on fallback#1)");
    }

    @Test
    void optionsThatContradictTheChainAreUsageErrors() {
        chain("fake/ok", List.of(), null, "");
        storeKey("");
        for (List<String> args : List.of(List.of("--probe-mode", "free"), List.of("--probe-mode", "auto"),
                List.of("--probe-provider", "fake"), List.of("--probe-model", "fake/ok"), List.of("--probe-all-models"))) {
            List<String> all = new ArrayList<>(List.of("models", "status", "--probe", "--probe-chain"));
            all.addAll(args);
            var run = nemo.run(all.toArray(String[]::new));
            assertThat(run.exitCode()).as(args + "\n" + run).isEqualTo(64);
            assertThat(run.stderr()).as(args.toString()).startsWith("error: --probe-chain");
        }
        assertThat(fake.requests()).isEmpty();
    }
}
