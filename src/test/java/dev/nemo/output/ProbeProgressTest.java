package dev.nemo.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.probe.ProbeStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProbeProgressTest {

    @Test
    void lineRedrawsOnItsOwnWhileProbesHang() throws InterruptedException {
        FrameCounter out = new FrameCounter(4);
        try (ProbeProgress progress = new ProbeProgress(new PrintWriter(out, true), 3)) {
            progress.started();
            progress.started();
            progress.start();
            // No probe finishes: the timer alone must keep drawing fresh frames.
            assertThat(out.frames.await(10, TimeUnit.SECONDS)).as("4 frames drawn while nothing finished").isTrue();
            assertThat(lastFrame(out)).isEqualTo("Probing auth profiles… 0/3 · 2 in flight · 0 failed");
        }
    }

    /** Counts the frames written (each starts with a carriage return). */
    private static final class FrameCounter extends StringWriter {
        final CountDownLatch frames;

        FrameCounter(int expected) {
            frames = new CountDownLatch(expected);
        }

        @Override
        public void write(String str, int off, int len) {
            super.write(str, off, len);
            if (len > 0 && str.charAt(off) == '\r') {
                frames.countDown();
            }
        }
    }

    @Test
    void countsDoneInFlightAndFailed() {
        StringWriter out = new StringWriter();
        ProbeProgress progress = new ProbeProgress(new PrintWriter(out, true), "Probing models", 4);
        progress.started();
        progress.started();
        progress.started();
        progress.finished(ProbeStatus.OK);
        progress.finished(ProbeStatus.AUTH);
        progress.draw();
        assertThat(lastFrame(out)).isEqualTo("Probing models… 2/4 · 1 in flight · 1 failed");
    }

    @Test
    void closeWipesTheLine() {
        StringWriter out = new StringWriter();
        ProbeProgress progress = new ProbeProgress(new PrintWriter(out, true), 1);
        progress.start();
        progress.close();
        assertThat(out.toString()).endsWith("\r\033[K");
    }

    /** The last frame without its elapsed-seconds suffix. */
    private static String lastFrame(StringWriter out) {
        String[] frames = out.toString().split("\r\033\\[K");
        return frames[frames.length - 1].replaceFirst(" · [0-9.]+s$", "");
    }
}
