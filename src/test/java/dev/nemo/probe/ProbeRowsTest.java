package dev.nemo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.auth.CredentialKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rows handed out in the run's order as they finish, whatever order the probes finish in. */
class ProbeRowsTest {
    private static final ProbeRun.Options OPTIONS = new ProbeRun.Options(null, List.of(), 1000, 2, 16, null, null, null,
            "completion", null);

    private static ProbeResult row(String label) {
        return new ProbeResult("openai", "openai/gpt-5", label, label, "profile", CredentialKind.API_KEY, ProbeStatus.OK, null, null,
                5L, null, null);
    }

    /** Reads every row on a thread of its own, counting the waits for a row not known yet. */
    private static CompletableFuture<List<String>> read(ProbeRows rows, CountDownLatch waiting) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> seen = new ArrayList<>();
            rows.inOrder(waiting::countDown).forEach(r -> seen.add(r.label()));
            return seen;
        });
    }

    @Test
    void rowsFinishedOutOfOrderComeOutInTargetOrderAfterThePreflightRows() throws Exception {
        ProbeRows rows = new ProbeRows(List.of(row("pre")), 3, OPTIONS);
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<List<String>> seen = read(rows, waiting);

        rows.started(1);
        rows.finished(2, row("t2"));
        rows.finished(1, row("t1"));
        assertThat(waiting.await(10, TimeUnit.SECONDS)).as("the reader waits for target 0").isTrue();
        assertThat(seen).isNotDone();
        rows.finished(0, row("t0"));
        rows.ended();

        assertThat(seen.get(10, TimeUnit.SECONDS)).containsExactly("pre", "t0", "t1", "t2");
    }

    @Test
    void aRunThatEndsEarlySkipsTheTargetsThatNeverFinished() throws Exception {
        ProbeRows rows = new ProbeRows(List.of(), 3, OPTIONS);
        rows.started(1);
        rows.finished(1, row("t1"));
        rows.ended(); // Ctrl-C: targets 0 and 2 have no row

        assertThat(read(rows, new CountDownLatch(0)).get(10, TimeUnit.SECONDS)).containsExactly("t1");
    }

    @Test
    void theReaderIsToldOnceEachTimeTheNextRowIsNotKnownYet() throws Exception {
        ProbeRows rows = new ProbeRows(List.of(), 2, OPTIONS);
        AtomicInteger waits = new AtomicInteger();
        CountDownLatch firstWait = new CountDownLatch(1);
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            int n = 0;
            for (ProbeResult ignored : rows.inOrder(() -> {
                waits.incrementAndGet();
                firstWait.countDown();
            })) {
                n++;
            }
            return n;
        });

        assertThat(firstWait.await(10, TimeUnit.SECONDS)).isTrue();
        rows.finished(0, row("t0"));
        rows.finished(1, row("t1"));
        rows.ended();

        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(waits.get()).as("one wait for row 0; row 1 was there when asked for, or one more wait").isBetween(1, 2);
    }

    @Test
    void theHeaderWaitsForTheStartAndCarriesWhatIsKnownThen() throws Exception {
        ProbeRows rows = new ProbeRows(List.of(), 7, OPTIONS);
        CompletableFuture<ProbeRun> header = CompletableFuture.supplyAsync(rows::header);
        rows.started(42);

        ProbeRun run = header.get(10, TimeUnit.SECONDS);
        assertThat(run.startedAt()).isEqualTo(42);
        assertThat(run.totalTargets()).isEqualTo(7);
        assertThat(run.options()).isEqualTo(OPTIONS);
    }
}
