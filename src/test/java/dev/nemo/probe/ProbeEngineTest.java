package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.providers.ApiStyle;
import dev.nemo.testing.FakeProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine against a loopback fake provider: what the server sees, and what the caller gets back. */
class ProbeEngineTest {
    private static final String KEY = "sk-engine-test-0123456789abcdef";
    private static final ProbeEngine.Listener QUIET = status -> { };

    FakeProvider fake;
    HttpStack stack;

    @BeforeEach
    void start() {
        fake = new FakeProvider();
        stack = HttpStack.start();
    }

    @AfterEach
    void stop() {
        stack.close();
        fake.close();
    }

    private ProbeJob job(String provider, String model) {
        return new ProbeJob(provider, new ProbeRequest(URI.create(fake.baseUrl() + "/" + provider + "/chat/completions"),
                Map.of("content-type", "application/json", "authorization", "Bearer " + KEY),
                "{\"model\": \"" + model + "\"}"), ApiStyle.OPENAI_COMPLETIONS, ProbeJob.BodyCheck.ANY, KEY);
    }

    private List<ProbeJob> jobs(String provider, String model, int count) {
        return IntStream.range(0, count).mapToObj(i -> job(provider, model)).toList();
    }

    @Test
    void cancelledBeforeTheRunStartsSendsNothing() {
        try (ProbeEngine engine = new ProbeEngine(stack, 4, 5000, 16, 0)) {
            engine.cancel();
            JobResult[] results = engine.runJobs(jobs("a", "ok", 8), ProbeEngine.Redaction.of(dev.nemo.auth.Redactor.none()), QUIET);
            assertThat(results).hasSize(8).containsOnlyNulls();
        }
        assertThat(fake.requests()).isEmpty();
        assertThat(fake.connections()).isZero();
    }

    @Test
    void aProviderWaitingForItsOwnSlotsHoldsNoGlobalSlot() {
        // All of provider a first, then all of b, more of a than the global limit: with a limit of 3
        // per provider and 16 in all, b's first probes start beside a's, not after a's queue drained.
        List<ProbeJob> all = new ArrayList<>(jobs("a", "ok-delay-200", 30));
        all.addAll(jobs("b", "ok-delay-200", 30));
        try (ProbeEngine engine = new ProbeEngine(stack, 16, 10_000, 16, 3)) {
            JobResult[] results = engine.runJobs(all, ProbeEngine.Redaction.of(dev.nemo.auth.Redactor.none()), QUIET);
            assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(ProbeStatus.OK));
        }
        List<String> firstSix = fake.requests().subList(0, 6).stream().map(s -> s.path().substring(0, 2)).sorted().toList();
        assertThat(firstSix).containsExactly("/a", "/a", "/a", "/b", "/b", "/b");
        assertThat(fake.maxInFlight()).isEqualTo(6);
    }

    @Test
    void withoutAProviderLimitTheGlobalLimitIsExact() {
        try (ProbeEngine engine = new ProbeEngine(stack, 5, 10_000, 16, 0)) {
            engine.runJobs(jobs("a", "ok-delay-50", 20), ProbeEngine.Redaction.of(dev.nemo.auth.Redactor.none()), QUIET);
        }
        assertThat(fake.requests()).hasSize(20);
        assertThat(fake.maxInFlight()).isEqualTo(5);
    }

    @Test
    void errorsAreRedactedOnTheCallingThreadNeverOnAnEventLoop() {
        Set<Thread> redactingThreads = ConcurrentHashMap.newKeySet();
        ProbeEngine.Redaction recording = (credential, error) -> {
            redactingThreads.add(Thread.currentThread());
            return error.replace(credential, "***");
        };
        JobResult[] results;
        try (ProbeEngine engine = new ProbeEngine(stack, 4, 5000, 16, 0)) {
            results = engine.runJobs(jobs("a", "echo-key", 6), recording, QUIET);
        }
        assertThat(redactingThreads).containsExactly(Thread.currentThread());
        assertThat(results).allSatisfy(r -> assertThat(r.error()).contains("Incorrect API key provided").doesNotContain(KEY));
    }

    @Test
    void aListenerThatFailsFailsTheRunInsteadOfDroppingRows() {
        AtomicInteger calls = new AtomicInteger();
        ProbeEngine.Listener failing = status -> {
            calls.incrementAndGet();
            throw new IllegalStateException("listener broke");
        };
        try (ProbeEngine engine = new ProbeEngine(stack, 2, 5000, 16, 0)) {
            assertThatThrownBy(() -> engine.runJobs(jobs("a", "ok", 6), ProbeEngine.Redaction.of(dev.nemo.auth.Redactor.none()),
                    failing)).hasMessage("listener broke");
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void aBodyCheckThatThrowsStillGivesEveryJobARow() {
        ProbeJob.BodyCheck broken = body -> {
            throw new IllegalStateException("check broke");
        };
        List<ProbeJob> jobs = Collections.nCopies(4, new ProbeJob("a", job("a", "ok").request(), ApiStyle.OPENAI_COMPLETIONS,
                broken, KEY));
        try (ProbeEngine engine = new ProbeEngine(stack, 2, 5000, 16, 0)) {
            JobResult[] results = engine.runJobs(jobs, ProbeEngine.Redaction.of(dev.nemo.auth.Redactor.none()), QUIET);
            assertThat(results).hasSize(4).doesNotContainNull()
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(ProbeStatus.UNKNOWN));
        }
    }
}
