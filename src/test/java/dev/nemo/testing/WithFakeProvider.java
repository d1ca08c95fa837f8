package dev.nemo.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For whole-CLI tests against a loopback provider: each test gets a {@link FakeProvider} of its
 * own, closed after it, and a {@link NemoRun} on its own temporary home. A subclass's own
 * {@code @BeforeEach} runs after these are set up.
 */
public abstract class WithFakeProvider {
    @TempDir
    protected Path home;
    protected FakeProvider fake;
    protected NemoRun nemo;

    @BeforeEach
    protected final void startFakeProvider() {
        fake = new FakeProvider();
        nemo = nemo(home);
    }

    /** The nemo the tests run: in-process on {@code home}, unless a subclass needs another. */
    protected NemoRun nemo(Path home) {
        return new NemoRun(home);
    }

    @AfterEach
    protected final void closeFakeProvider() {
        fake.close();
    }
}
