package dev.nemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.testing.DirSnapshot;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.MetricsParsers;
import dev.nemo.testing.NemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `models status --probe --probe-metrics <file>`: the file node_exporter's textfile collector
 * reads, checked with promtool and with the OpenMetrics parser of the Prometheus Python client.
 */
class ProbeMetricsIT {
    private static final String KEY = "sk-fake-Zq8WvL2mN4pR7tY1uI3oP5aS9dF6gH0j";
    /** A model id whose label value needs escaping: a double quote and a backslash. */
    private static final String ODD_MODEL = "fake/ok \"q\" \\b";

    @TempDir
    Path home;
    FakeProvider fake;
    NemoRun nemo;
    Path textfileDir;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeProvider();
        nemo = new NemoRun(home);
        textfileDir = Files.createDirectories(home.resolve("textfile"));
        Fixture.writeConfig(nemo, """
                {
                  "agents": {"defaults": {"model": "fake/ok"}},
                  "models": {"providers": {"fake": {"baseUrl": "%s", "api": "openai-completions",
                    "models": [{"id": "ok"}, {"id": "status-401"}, {"id": "ratelimit"}, {"id": "ok \\"q\\" \\\\b"}]}}},
                  "auth": {"order": {"fake": ["fake:p000"]}}
                }
                """.formatted(fake.baseUrl()));
        Fixture.writeStore(nemo, """
                {"version": 1, "profiles": {
                  "fake:p000": {"type": "api_key", "provider": "fake", "key": "%s0"},
                  "fake:p001": {"type": "api_key", "provider": "fake", "key": "%s1"}}}
                """.formatted(KEY, KEY));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private NemoRun.Result probe(Path metrics, String... extra) {
        List<String> args = new ArrayList<>(List.of("models", "status", "--probe", "--probe-all-models", "--probe-metrics", metrics.toString()));
        args.addAll(List.of(extra));
        return nemo.run(args.toArray(String[]::new));
    }

    private static Map<String, JsonNode> families(JsonNode parsed) {
        Map<String, JsonNode> byName = new HashMap<>();
        parsed.forEach(f -> byName.put(f.path("name").asText(), f));
        return byName;
    }

    /** The samples of {@code family} keyed by their {@code model} label (or the whole label set when there is none). */
    private static Map<String, JsonNode> byModel(JsonNode family) {
        Map<String, JsonNode> samples = new HashMap<>();
        family.path("samples").forEach(s -> samples.put(s.path("labels").has("model")
                ? s.path("labels").path("model").asText() + "|" + s.path("labels").path("profile").asText() : s.path("labels").toString(), s));
        return samples;
    }

    @Test
    void theMetricsFileIsValidForPromtoolAndTheOpenMetricsParserAndHoldsEveryTarget() throws Exception {
        Path file = textfileDir.resolve("nemo.prom");
        long before = System.currentTimeMillis() / 1000;
        NemoRun.Result run = probe(file, "--check");
        long after = System.currentTimeMillis() / 1000 + 1;

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        MetricsParsers.Outcome lint = MetricsParsers.promtoolCheck(file);
        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).isEmpty();
        JsonNode parsed = MetricsParsers.openMetrics(file);
        assertThat(StreamSupport.stream(parsed.spliterator(), false).map(f -> f.path("name").asText() + ":" + f.path("type").asText()))
                .containsExactly("nemo_probe_status:gauge", "nemo_probe_success:gauge", "nemo_probe_latency_seconds:gauge",
                        "nemo_probe_retry_after_seconds:gauge", "nemo_probe_run_rows:gauge", "nemo_probe_run_targets:gauge",
                        "nemo_probe_run_cancelled:gauge", "nemo_probe_run_duration_seconds:gauge", "nemo_probe_run_timestamp_seconds:gauge");
        Map<String, JsonNode> families = families(parsed);
        assertThat(families.get("nemo_probe_latency_seconds").path("unit").asText()).isEqualTo("seconds");

        Map<String, JsonNode> status = byModel(families.get("nemo_probe_status"));
        assertThat(status).hasSize(5);
        JsonNode auth = status.get("fake/status-401|fake:p000").path("labels");
        assertThat(auth.path("provider").asText()).isEqualTo("fake");
        assertThat(auth.path("status").asText()).isEqualTo("auth");
        assertThat(auth.path("reason").asText()).isEqualTo("invalid_key");
        assertThat(status.get(ODD_MODEL + "|fake:p000").path("labels").path("status").asText()).isEqualTo("ok");
        assertThat(status.get("|fake:p001").path("labels").path("reason").asText()).isEqualTo("excluded_by_auth_order");
        assertThat(status.values()).allSatisfy(s -> assertThat(s.path("value").asDouble()).isEqualTo(1.0));

        Map<String, JsonNode> success = byModel(families.get("nemo_probe_success"));
        assertThat(success).hasSize(4).doesNotContainKey("|fake:p001");
        assertThat(success.get("fake/ok|fake:p000").path("value").asDouble()).isEqualTo(1.0);
        assertThat(success.get("fake/status-401|fake:p000").path("value").asDouble()).isZero();
        assertThat(success.get("fake/ratelimit|fake:p000").path("value").asDouble()).isZero();
        assertThat(byModel(families.get("nemo_probe_latency_seconds")).values()).hasSize(4)
                .allSatisfy(s -> assertThat(s.path("value").asDouble()).isPositive().isLessThan(30));
        assertThat(byModel(families.get("nemo_probe_retry_after_seconds")).get("fake/ratelimit|fake:p000").path("value").asDouble())
                .isEqualTo(30.0);

        Map<String, Double> rows = new HashMap<>();
        families.get("nemo_probe_run_rows").path("samples").forEach(s -> rows.put(
                s.path("labels").path("result").asText() + "/" + s.path("labels").path("status").asText(), s.path("value").asDouble()));
        assertThat(rows).hasSize(9).containsEntry("ok/ok", 2.0).containsEntry("failed/auth", 1.0)
                .containsEntry("warning/rate_limit", 1.0).containsEntry("skipped/unknown", 1.0).containsEntry("failed/billing", 0.0);
        assertThat(families.get("nemo_probe_run_targets").path("samples").get(0).path("value").asDouble()).isEqualTo(4.0);
        assertThat(families.get("nemo_probe_run_timestamp_seconds").path("samples").get(0).path("value").asDouble())
                .isBetween((double) before, (double) after);
        assertThat(Files.readString(file)).doesNotContain(KEY.substring(0, 12)).endsWith("# EOF\n");
    }

    @Test
    void aRunReplacesTheFileByRenameLeavingNoTempFileAndOthersMayReadIt() throws Exception {
        Path file = Fixture.write(textfileDir.resolve("nemo.prom"), "stale_metric 1\n");
        Object inodeBefore = Files.getAttribute(file, "unix:ino");
        NemoRun.Result run = probe(file);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.getAttribute(file, "unix:ino")).isNotEqualTo(inodeBefore); // a new file renamed over the old one
        assertThat(Files.readString(file)).doesNotContain("stale_metric").startsWith("# HELP nemo_probe_status ");
        try (Stream<Path> entries = Files.list(textfileDir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("nemo.prom");
        }
        assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OTHERS_READ)
                .doesNotContain(PosixFilePermission.OTHERS_WRITE, PosixFilePermission.GROUP_WRITE);
    }

    @Test
    void theMetricsHoldEveryRowWhateverProbeResultsShows() throws Exception {
        Path file = textfileDir.resolve("nemo.prom");
        NemoRun.Result run = probe(file, "--probe-results", "failed", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(byModel(families(MetricsParsers.openMetrics(file)).get("nemo_probe_status"))).hasSize(5);
    }

    @Test
    void aNameTheTextfileCollectorSkipsIsWrittenWithAWarning() {
        Path file = textfileDir.resolve("nemo.metrics");
        NemoRun.Result run = probe(file, "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).contains("warning: --probe-metrics nemo.metrics: node_exporter's textfile collector reads only *.prom files");
        assertThat(file).exists();
    }

    @Test
    void aMetricsFileInAMissingDirectoryExits64BeforeAnyProbe() {
        Path file = home.resolve("no-such-dir/nemo.prom");
        DirSnapshot before = DirSnapshot.of(home);
        NemoRun.Result run = probe(file);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(64);
        assertThat(run.stderr()).startsWith("error: --probe-metrics " + file + ": directory " + file.getParent()
                + " does not exist (nemo does not create it)\n");
        assertThat(fake.requests()).isEmpty();
        assertThat(file.getParent()).doesNotExist();
        before.assertUnchanged();
    }

    @Test
    void aDirectoryAsTheMetricsFileExits64BeforeAnyProbe() {
        NemoRun.Result run = probe(textfileDir);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(64);
        assertThat(run.stderr()).startsWith("error: --probe-metrics " + textfileDir + " is a directory; give a file path, e.g. "
                + textfileDir.resolve("nemo.prom"));
        assertThat(fake.requests()).isEmpty();
    }
}
