package dev.nemo.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.config.Environment;
import dev.nemo.probe.Health;
import dev.nemo.probe.ProbeEngine;
import dev.nemo.probe.ProbeObserver;
import dev.nemo.probe.ProbeOptions;
import dev.nemo.probe.ProbeStatus;
import dev.nemo.testing.FakeProvider;
import dev.nemo.testing.Fixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status workflow without a process: report, probes merged into it, and the --check verdict. */
class StatusServiceTest {
    @TempDir
    Path home;
    final List<String> warnings = new ArrayList<>();

    private StatusService service() {
        return new StatusService(new Environment(Map.of("HOME", home.toString(),
                "NEMO_STATE_DIR", home.resolve(".nemo").toString())), warnings::add);
    }

    private void config(String json) {
        Fixture.write(home.resolve(".nemo/nemo.json"), json);
    }

    private void store(String profiles) {
        Fixture.write(home.resolve(".nemo/agents/main/agent/auth-profiles.json"), "{\"version\": 1, \"profiles\": {" + profiles + "}}");
    }

    private static ProbeOptions probeOptions() {
        return new ProbeOptions(null, List.of(), 5_000, 2, 16, List.of(), false, 0, null);
    }

    /** Counts the probes it is told about; optionally presses Ctrl-C as they start. */
    static final class CountingObserver implements ProbeObserver {
        final boolean cancelAtStart;
        int started = -1;
        int ended;

        CountingObserver(boolean cancelAtStart) {
            this.cancelAtStart = cancelAtStart;
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

    private void fakeProviderInUse(FakeProvider fake, String model) {
        config("""
                {"models": {"providers": {"fake": {"baseUrl": "%s/v1", "api": "openai-completions",
                  "apiKey": "fake-key-0123456789", "models": [{"id": "%s"}]}}},
                 "agents": {"defaults": {"model": "fake/%s"}}}
                """.formatted(fake.baseUrl(), model, model));
    }

    @Test
    void aProviderInUseWithoutAuthFailsWithAHintAndNoProbes() {
        config("{\"agents\": {\"defaults\": {\"model\": \"openai/gpt-5\"}}}");
        StatusService.Outcome outcome = service().run(new StatusService.Request(null, null), ProbeObserver.NONE);
        assertThat(outcome.health()).isEqualTo(Health.FAILING);
        assertThat(outcome.report().auth().missingProvidersInUse()).containsExactly("openai");
        assertThat(outcome.missingAuthHints()).containsEntry("openai",
                "Set OPENAI_API_KEY or run `nemo models auth paste-token --provider openai`.");
        assertThat(outcome.probes()).isNull();
        assertThat(outcome.interrupted()).isFalse();
    }

    @Test
    void aTokenInUseThatExpiresWithinADayWarns() {
        config("{\"agents\": {\"defaults\": {\"model\": \"anthropic/claude-opus-4-6\"}}}");
        store("\"anthropic:manual\": {\"type\": \"token\", \"provider\": \"anthropic\", \"token\": \"sk-ant-oat01-AAAAbbbbCCCC\","
                + " \"expires\": " + Fixture.inHours(2) + "}");
        StatusService.Outcome outcome = service().run(new StatusService.Request(null, null), ProbeObserver.NONE);
        assertThat(outcome.health()).isEqualTo(Health.WARNING);
        assertThat(outcome.missingAuthHints()).isEmpty();
    }

    @Test
    void probeResultsJoinTheReportAndATransientFailureOnlyWarns() {
        try (FakeProvider fake = new FakeProvider()) {
            fakeProviderInUse(fake, "ratelimit");
            CountingObserver observer = new CountingObserver(false);
            StatusService.Outcome outcome = service().run(new StatusService.Request(null, probeOptions()), observer);
            assertThat(observer.started).isEqualTo(1);
            assertThat(observer.ended).isEqualTo(1);
            assertThat(outcome.report().auth().probes()).isSameAs(outcome.probes());
            assertThat(outcome.probes().results()).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(ProbeStatus.RATE_LIMIT));
            assertThat(outcome.health()).isEqualTo(Health.WARNING);
        }
    }

    @Test
    void aProbeRejectedForAuthFailsEvenWhenTheKeyIsConfigured() {
        try (FakeProvider fake = new FakeProvider()) {
            fakeProviderInUse(fake, "status-401");
            StatusService.Outcome outcome = service().run(new StatusService.Request(null, probeOptions()), new CountingObserver(false));
            assertThat(outcome.report().auth().missingProvidersInUse()).isEmpty();
            assertThat(outcome.health()).isEqualTo(Health.FAILING);
        }
    }

    @Test
    void ctrlCAsTheProbesStartEndsInterruptedWithTheReport() {
        try (FakeProvider fake = new FakeProvider()) {
            fakeProviderInUse(fake, "ok");
            StatusService.Outcome outcome = service().run(new StatusService.Request(null, probeOptions()), new CountingObserver(true));
            assertThat(outcome.interrupted()).isTrue();
            assertThat(outcome.probes().cancelled()).isNotNull();
            assertThat(outcome.report().resolvedDefault()).isEqualTo("fake/ok");
        }
    }
}
