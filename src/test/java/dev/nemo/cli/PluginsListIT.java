package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nemo plugins list}: built-in providers plus the ones defined in {@code models.providers}. */
class PluginsListIT {
    static final String CONFIG_KEY = "cfgkey_Fe3Gd8Hc1Ib6Ja9Kz4Ly7Mx2Nw5Ov0Pu";

    @TempDir
    Path home;
    NemoRun nemo;

    @BeforeEach
    void setUp() {
        nemo = new NemoRun(home);
        Fixture.write(Fixture.config(nemo), """
                {models: {providers: {
                  mylocal: {baseUrl: "http://127.0.0.1:9/v1", api: "openai-completions", apiKey: "%s", models: [{id: "m1"}]},
                }}}
                """.formatted(CONFIG_KEY));
    }

    @Test
    void textListsBuiltInsAndTheConfiguredProviderWithItsSource() {
        NemoRun.Result r = nemo.run("plugins", "list");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("Providers (");
        assertThat(r.stdout()).containsPattern("(?m)^- anthropic \\[built-in\\] api=anthropic-messages .*auth: api-key, paste-token, setup-token");
        assertThat(r.stdout()).containsPattern("(?m)^- mylocal \\[config\\] api=openai-completions http://127\\.0\\.0\\.1:9/v1 \\| auth: api-key");
        assertThat(r.stdout() + r.stderr()).doesNotContain(CONFIG_KEY.substring(7, 19));
    }

    @Test
    void jsonHasACountAndOneEntryPerProviderWithSourceConfigForTheCustomOne() throws Exception {
        NemoRun.Result r = nemo.run("plugins", "list", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.stdout());
        assertThat(json.path("count").asInt()).isEqualTo(json.path("plugins").size());
        List<String> ids = new ArrayList<>();
        json.path("plugins").forEach(p -> ids.add(p.path("id").asText()));
        assertThat(ids).contains("anthropic", "openai", "groq", "mylocal").isSorted();
        JsonNode mine = json.path("plugins").get(ids.indexOf("mylocal"));
        assertThat(mine.path("source").asText()).isEqualTo("config");
        assertThat(mine.path("api").asText()).isEqualTo("openai-completions");
        assertThat(mine.path("baseUrl").asText()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(mine.path("authMethods").toString()).contains("\"api-key\"");
        assertThat(json.path("plugins").get(ids.indexOf("anthropic")).path("source").asText()).isEqualTo("built-in");
        assertThat(r.stdout()).doesNotContain(CONFIG_KEY.substring(7, 19));
    }

    @Test
    void plainPrintsOneProviderIdPerLine() {
        NemoRun.Result r = nemo.run("plugins", "list", "--plain");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout().lines()).contains("anthropic", "mylocal").allSatisfy(l -> assertThat(l).matches("[a-z0-9-]+"));
    }

    @Test
    void withoutAConfigOnlyBuiltInsAreListed() throws Exception {
        NemoRun bare = new NemoRun(home.resolve("bare"));

        NemoRun.Result r = bare.run("plugins", "list", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(new ObjectMapper().readTree(r.stdout()).path("plugins").findValuesAsText("source")).containsOnly("built-in");
    }
}
