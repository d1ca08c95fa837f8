package dev.nemo.scan;

import dev.nemo.NemoException;
import dev.nemo.auth.Redactor;
import dev.nemo.net.NetworkSettings;
import dev.nemo.net.Route;
import dev.nemo.net.TransportFailure;
import dev.nemo.probe.HttpStack;
import dev.nemo.probe.JobResult;
import dev.nemo.probe.ProbeEngine;
import dev.nemo.probe.ProbeJob;
import io.vertx.mutiny.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the catalogue (Vert.x Web Client on the run's Vert.x), keeps the free models the filter
 * wants, and probes each for tool and image support on one {@link ProbeEngine}: the same bounded
 * concurrency, whole-exchange timeouts, body cap, classification and redaction as
 * {@code status --probe}. {@link #cancel()} may be called from any thread (Ctrl-C).
 */
public final class ModelScanner implements AutoCloseable {
    /** OpenRouter's catalogue is about 1 MB; 32 MiB leaves room and still bounds memory. */
    static final int CATALOG_CAP_BYTES = 32 * 1024 * 1024;
    /** The catalogue is one big read, not a probe: it gets at least this long. */
    static final long CATALOG_MIN_TIMEOUT_MS = 30_000;

    private final CatalogSource source;
    private final ScanOptions options;
    private final Redactor redactor;
    private final Supplier<Vertx> vertx;
    private final NetworkSettings network;
    private volatile ProbeEngine engine;
    private volatile boolean cancelled;

    /** @param vertx the run's Vert.x, for the catalogue request and the probes; {@code network}: proxies and trusted CAs */
    public ModelScanner(CatalogSource source, ScanOptions options, Redactor redactor, Supplier<Vertx> vertx, NetworkSettings network) {
        this.source = source;
        this.options = options;
        this.redactor = source.hasKey() ? redactor.with(source.key()) : redactor;
        this.vertx = vertx;
        this.network = network;
    }

    /** {@code GET {baseUrl}/models}, parsed and filtered to the models worth probing. */
    public List<ModelScanResult> candidates(ScanFilter filter) {
        Map<String, String> headers = new LinkedHashMap<>(source.provider().headers());
        headers.put("accept", "application/json");
        if (source.hasKey()) {
            // OpenRouter serves its catalogue without auth; other OpenAI-compatible providers want the key.
            headers.put("authorization", "Bearer " + source.key());
        }
        URI uri = source.provider().endpoint("/models");
        long timeoutMs = Math.max(CATALOG_MIN_TIMEOUT_MS, options.timeoutMs());
        CatalogClient.Answer response;
        try (CatalogClient client = new CatalogClient(vertx.get(), network, timeoutMs)) {
            response = client.get(source.provider().id(), uri, headers, CATALOG_CAP_BYTES, Duration.ofMillis(timeoutMs));
        } catch (RuntimeException e) {
            if (CatalogClient.tooLarge(e)) {
                throw NemoException.failure(source.displayName() + " /models is larger than " + CATALOG_CAP_BYTES / (1024 * 1024) + " MiB");
            }
            String why = TransportFailure.of(e, timeoutMs, Route.DIRECT).getMessage(); // the client worded it on its route
            throw NemoException.failure(source.displayName() + " /models failed: " + redactor.redact(why));
        }
        if (response.status() < 200 || response.status() >= 300) {
            throw NemoException.failure(source.displayName() + " /models failed: HTTP " + response.status());
        }
        return filter.apply(CatalogParser.parse(response.body(), source.provider().id(), source.displayName()));
    }

    /** How many requests {@link #probe} will send for {@code models}. */
    public static int probeCount(List<ModelScanResult> models) {
        return models.size() + (int) models.stream().filter(ModelScanResult::acceptsImages).count();
    }

    /**
     * Probes every model (a tool probe; an image probe when the modality takes images) and returns
     * the models with their results, in the order given. A probe Ctrl-C stopped has a null result.
     */
    public List<ModelScanResult> probe(List<ModelScanResult> models, ProbeEngine.Listener listener) {
        List<ProbeJob> jobs = new ArrayList<>();
        int[] imageJob = new int[models.size()];
        for (int i = 0; i < models.size(); i++) {
            ModelScanResult m = models.get(i);
            jobs.add(ScanRequests.tool(source.provider(), m.id(), source.key()));
            imageJob[i] = -1;
            if (m.acceptsImages()) {
                imageJob[i] = jobs.size();
                jobs.add(ScanRequests.image(source.provider(), m.id(), source.key()));
            }
        }
        ProbeEngine e = new ProbeEngine(HttpStack.sharing(vertx.get().getDelegate()), network, options.concurrency(),
                options.timeoutMs(), ScanRequests.IMAGE_MAX_TOKENS, 0);
        engine = e;
        if (cancelled) {
            e.cancel();
        }
        JobResult[] results = e.runJobs(jobs, redactor, listener);
        List<ModelScanResult> probed = new ArrayList<>();
        int job = 0;
        for (int i = 0; i < models.size(); i++) {
            ModelScanResult.Probe tool = probe(results[job]);
            ModelScanResult.Probe image = imageJob[i] < 0 ? ModelScanResult.Probe.skip() : probe(results[imageJob[i]]);
            probed.add(models.get(i).withProbes(tool, image));
            job += imageJob[i] < 0 ? 1 : 2;
        }
        return probed;
    }

    private static ModelScanResult.Probe probe(JobResult r) {
        if (r == null) {
            return null;
        }
        return new ModelScanResult.Probe(r.ok(), r.latencyMs(), r.error(), null, r.status().wireName());
    }

    public boolean cancelled() {
        return cancelled;
    }

    public void cancel() {
        cancelled = true;
        ProbeEngine e = engine;
        if (e != null) {
            e.cancel();
        }
    }

    @Override
    public void close() {
        ProbeEngine e = engine;
        if (e != null) {
            e.close();
        }
    }
}
