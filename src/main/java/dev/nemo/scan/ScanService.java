package dev.nemo.scan;

import dev.nemo.NemoException;
import dev.nemo.config.Environment;
import dev.nemo.config.ProviderId;
import dev.nemo.context.RunContext;
import dev.nemo.context.RunContextLoader;
import dev.nemo.context.RunVertx;
import dev.nemo.models.SelectionEditor;
import dev.nemo.net.NetworkSettings;
import dev.nemo.probe.ProbeObserver;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code models scan} workflow (reference §2.6): resolve the catalogue and its key, decide
 * whether to probe, fetch and filter, probe, rank, preselect, let the user choose, and write the
 * selection. What it shows or asks on the way goes through a {@link ScanDialog}; what it ends
 * with is a {@link ScanOutcome}; Ctrl-C during the probes (through the dialog) ends it {@code Interrupted}.
 */
public final class ScanService {
    static final String NON_INTERACTIVE = "Non-interactive scan: pass --yes to apply defaults.";

    /** How the selection is settled: asked on the terminal, applied as preselected, or only shown. */
    public enum Mode { PROMPT, APPLY, PREVIEW }

    /** What the user asked for. {@code agent} may be null (the default agent). */
    public record Request(String agent, ScanOptions options, Mode mode, boolean setDefault, boolean setImage) {
    }

    private final Environment env;
    private final Consumer<String> warn;

    /** @param warn receives warnings (stderr) */
    public ScanService(Environment env, Consumer<String> warn) {
        this.env = env;
        this.warn = warn;
    }

    public ScanOutcome run(Request request, ScanDialog dialog) {
        ScanOptions options = request.options();
        RunContext ctx = RunContextLoader.load(env, request.agent(), warn);
        long now = System.currentTimeMillis();
        // Only the catalogue provider's !command keys run: nothing else is sent a key.
        String catalogProvider = ProviderId.normalize(
                options.catalogProvider() == null ? CatalogSource.DEFAULT_PROVIDER : options.catalogProvider().trim());
        ctx = ctx.withKeyCommandsRun(p -> p.provider().equals(catalogProvider), warn);
        CatalogSource source = CatalogSource.resolve(ctx, options.catalogProvider(), now);
        boolean probing = options.probe() && source.hasKey();
        if (options.probe() && !source.hasKey()) {
            dialog.note("note: no " + source.displayName() + " key found (" + source.keyHint()
                    + "); showing catalogue metadata only, no probes.");
        }
        if ((request.setDefault() || request.setImage()) && !probing) {
            throw !options.probe() ? NemoException.usage("--set-default and --set-image need live probes; drop --no-probe")
                    : NemoException.failure("--set-default and --set-image need live probes, and no " + source.displayName()
                    + " key was found");
        }
        if (probing && request.mode() == Mode.PROMPT && !dialog.canAsk()) {
            throw NemoException.failure(NON_INTERACTIVE);
        }
        try (RunVertx vertx = new RunVertx(); ModelScanner s = new ModelScanner(source, options, ctx.redactor(), vertx,
                NetworkSettings.of(ctx.env(), ctx.config()))) {
            List<ModelScanResult> models = s.candidates(new ScanFilter(options.provider(), options.minParamsB(),
                    options.maxAgeDays(), now));
            if (!probing) {
                return new ScanOutcome.MetadataOnly(source.displayName(), ScanRanking.sorted(models));
            }
            List<ModelScanResult> results = ScanRanking.sorted(probe(s, models, dialog));
            if (s.cancelled()) {
                dialog.ranked(results);
                return new ScanOutcome.Interrupted(results);
            }
            if (results.stream().noneMatch(ModelScanResult::toolOk)) {
                throw NemoException.failure("No tool-capable " + source.displayName() + " free models found.");
            }
            dialog.ranked(results);
            return select(ctx, request, results, dialog);
        }
    }

    private List<ModelScanResult> probe(ModelScanner s, List<ModelScanResult> models, ProbeObserver observer) {
        var listener = observer.started(ModelScanner.probeCount(models), s::cancel);
        try {
            return s.probe(models, listener);
        } finally {
            observer.ended();
        }
    }

    private ScanOutcome select(RunContext ctx, Request request, List<ModelScanResult> results, ScanDialog dialog) {
        int max = request.options().maxCandidates();
        List<ModelScanResult> selected = ScanRanking.preselect(results, max);
        List<ModelScanResult> images = ScanRanking.preselectImages(results, max);
        if (request.mode() == Mode.PROMPT) {
            Optional<List<ModelScanResult>> picked = dialog.choose("Select fallback models (ordered)",
                    ScanRanking.toolCandidates(results), selected);
            List<ModelScanResult> imageOptions = ScanRanking.imageCandidates(results);
            Optional<List<ModelScanResult>> pickedImages = picked.isEmpty() ? Optional.empty()
                    : imageOptions.isEmpty() ? Optional.of(List.of())
                    : dialog.choose("Select image fallback models (ordered)", imageOptions, images);
            if (pickedImages.isEmpty()) {
                return new ScanOutcome.Declined();
            }
            selected = picked.get();
            images = pickedImages.get();
        }
        List<String> keys = selected.stream().map(ModelScanResult::modelRef).toList();
        List<String> imageKeys = images.stream().map(ModelScanResult::modelRef).toList();
        ScanOutcome.Selection selection = new ScanOutcome.Selection(keys, imageKeys,
                request.setDefault() && !keys.isEmpty() ? keys.get(0) : null,
                request.setImage() && !imageKeys.isEmpty() ? imageKeys.get(0) : null);
        if (request.mode() == Mode.PREVIEW) {
            if (request.setDefault() || request.setImage()) {
                warn.accept("--set-default/--set-image were not applied: nothing is written without --yes");
            }
            return new ScanOutcome.Selected(selection, false, false, null, results);
        }
        boolean written = write(ctx, request, selection);
        return new ScanOutcome.Selected(selection, true, written, ctx.config().path(), results);
    }

    private boolean write(RunContext ctx, Request request, ScanOutcome.Selection selection) {
        if (selection.fallbacks().isEmpty()) {
            throw NemoException.failure("No models selected for fallbacks.");
        }
        if (request.setImage() && selection.imageFallbacks().isEmpty()) {
            throw NemoException.failure("No image-capable models selected for image model.");
        }
        SelectionEditor editor = ctx.selectionEditor(warn);
        return editor.applyScan(selection.fallbacks(), selection.imageFallbacks(), selection.primary(),
                selection.imagePrimary()).written();
    }
}
