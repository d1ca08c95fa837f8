package dev.nemo.cli.models;

import dev.nemo.cli.ExitCodes;
import dev.nemo.NemoException;
import dev.nemo.cli.Interrupts;
import dev.nemo.cli.SecretInput;
import dev.nemo.cli.Invocation;
import dev.nemo.json.PrettyJson;
import dev.nemo.context.RunContext;
import dev.nemo.context.RunContextLoader;
import dev.nemo.output.ProbeProgress;
import dev.nemo.output.ScanJson;
import dev.nemo.output.ScanTableRenderer;
import dev.nemo.scan.CatalogSource;
import dev.nemo.scan.ModelScanResult;
import dev.nemo.scan.ModelScanner;
import dev.nemo.scan.ScanFilter;
import dev.nemo.scan.ScanOptions;
import dev.nemo.scan.ScanRanking;
import dev.nemo.models.SelectionEditor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scan a provider catalogue (OpenRouter by default) for free models, probe their tool and image "
                + "support concurrently, rank them, and optionally apply them as fallbacks.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok (also: selection cancelled)",
                "1:failure: catalogue HTTP error, no tool-capable model, not a terminal and no --yes, empty selection, config write",
                "64:usage error",
                "130:interrupted (Ctrl-C during probes)"})
public class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--yes", description = "Apply the preselection without prompting.")
    boolean yes;

    @Option(names = "--no-input", description = "Never prompt; without --yes nothing is written.")
    boolean noInput;

    @Option(names = "--set-default", description = "Also set the default model to the first selected model.")
    boolean setDefault;

    @Option(names = "--set-image", description = "Also set the image model to the first selected image model.")
    boolean setImage;

    @Option(names = "--json", description = "Print JSON on stdout (nothing else goes to stdout); never prompts.")
    boolean json;

    @Mixin
    ScanOptionsMixin scanOptions;

    @Override
    public Integer call() {
        Invocation io = Invocation.of(spec);
        ScanOptions options = scanOptions.toOptions();
        RunContext ctx = RunContextLoader.load(io.env(), ModelsCommand.agent(spec), io::warn);
        long now = System.currentTimeMillis();
        CatalogSource source = CatalogSource.resolve(ctx, options.catalogProvider(), now);
        boolean probing = options.probe() && source.hasKey();
        if (options.probe() && !source.hasKey()) {
            io.err().println("note: no " + source.displayName() + " key found (" + source.keyHint()
                    + "); showing catalogue metadata only, no probes.");
            io.err().flush();
        }
        if ((setDefault || setImage) && !probing) {
            throw !options.probe() ? NemoException.usage("--set-default and --set-image need live probes; drop --no-probe")
                    : NemoException.failure("--set-default and --set-image need live probes, and no " + source.displayName()
                    + " key was found");
        }
        boolean prompt = probing && !yes && !noInput && !json;
        if (prompt && !io.interactive()) {
            throw NemoException.failure("Non-interactive scan: pass --yes to apply defaults.");
        }
        try (ModelScanner scanner = new ModelScanner(source, options, ctx.redactor())) {
            List<ModelScanResult> models = scanner.candidates(new ScanFilter(options.provider(), options.minParamsB(),
                    options.maxAgeDays(), now));
            if (!probing) {
                return metadataOnly(io, source, ScanRanking.sorted(models));
            }
            List<ModelScanResult> results = ScanRanking.sorted(probe(io, scanner, models));
            if (scanner.cancelled()) {
                if (!json) {
                    io.out().println(ScanTableRenderer.summary(results));
                    ScanTableRenderer.render(results, io.width(), io.out());
                    io.out().flush();
                }
                io.err().println("Scan interrupted; nothing was written.");
                return ExitCodes.INTERRUPTED;
            }
            if (results.stream().noneMatch(ModelScanResult::toolOk)) {
                throw NemoException.failure("No tool-capable " + source.displayName() + " free models found.");
            }
            if (!json) {
                io.out().println(ScanTableRenderer.summary(results));
                ScanTableRenderer.render(results, io.width(), io.out());
                io.out().flush();
            }
            return select(io, results, prompt, options.maxCandidates());
        }
    }

    private int select(Invocation io, List<ModelScanResult> results, boolean prompt, int maxCandidates) {
        List<ModelScanResult> selected = ScanRanking.preselect(results, maxCandidates);
        List<ModelScanResult> images = ScanRanking.preselectImages(results, maxCandidates);
        if (prompt) {
            ScanSelectionPrompt ask = ScanSelectionPrompt.onConsole(io);
            Optional<List<ModelScanResult>> picked = ask.ask("Select fallback models (ordered)",
                    ScanRanking.toolCandidates(results), selected);
            Optional<List<ModelScanResult>> pickedImages = picked.isEmpty() ? Optional.empty()
                    : ScanRanking.imageCandidates(results).isEmpty() ? Optional.of(List.of())
                    : ask.ask("Select image fallback models (ordered)", ScanRanking.imageCandidates(results), images);
            if (pickedImages.isEmpty()) {
                io.out().println("Model scan cancelled.");
                io.out().flush();
                return ExitCodes.OK;
            }
            selected = picked.get();
            images = pickedImages.get();
        }
        List<String> keys = selected.stream().map(ModelScanResult::modelRef).toList();
        List<String> imageKeys = images.stream().map(ModelScanResult::modelRef).toList();
        boolean apply = yes || prompt;
        if (apply) {
            write(io, keys, imageKeys);
        } else if (!json) {
            io.out().println("Preselected fallbacks: " + String.join(", ", keys));
            if (!imageKeys.isEmpty()) {
                io.out().println("Preselected image fallbacks: " + String.join(", ", imageKeys));
            }
            io.out().println("Nothing written; pass --yes to apply the preselection.");
        }
        if (!apply && (setDefault || setImage)) {
            io.warn("--set-default/--set-image were not applied: nothing is written without --yes");
        }
        if (json) {
            io.out().print(PrettyJson.write(new ScanJson(keys, imageKeys, setDefault, setImage, apply, results, List.of())));
        }
        io.out().flush();
        return ExitCodes.OK;
    }

    private void write(Invocation io, List<String> keys, List<String> imageKeys) {
        if (keys.isEmpty()) {
            throw NemoException.failure("No models selected for fallbacks.");
        }
        if (setImage && imageKeys.isEmpty()) {
            throw NemoException.failure("No image-capable models selected for image model.");
        }
        SelectionConfig selection = SelectionConfig.open(io);
        SelectionEditor.Outcome outcome = selection.editor().applyScan(keys, imageKeys, setDefault ? keys.get(0) : null,
                setImage ? imageKeys.get(0) : null);
        if (json) {
            return;
        }
        selection.reportWrite(outcome.written());
        io.out().println("Fallbacks: " + String.join(", ", keys));
        if (!imageKeys.isEmpty()) {
            io.out().println("Image fallbacks: " + String.join(", ", imageKeys));
        }
        if (setDefault) {
            io.out().println("Default model: " + keys.get(0));
        }
        if (setImage) {
            io.out().println("Image model: " + imageKeys.get(0));
        }
    }

    private int metadataOnly(Invocation io, CatalogSource source, List<ModelScanResult> models) {
        if (json) {
            io.out().print(PrettyJson.write(models));
        } else {
            io.out().println("Found " + models.size() + " " + source.displayName()
                    + " free models (metadata only; run without --no-probe, with a key, to test tools/images).");
            ScanTableRenderer.render(models, io.width(), io.out());
        }
        io.out().flush();
        return ExitCodes.OK;
    }

    private List<ModelScanResult> probe(Invocation io, ModelScanner scanner, List<ModelScanResult> models) {
        int total = ModelScanner.probeCount(models);
        boolean showProgress = !json && io.stderrIsTerminal() && total > 0;
        ProbeProgress progress = new ProbeProgress(io.err(), "Probing models", total);
        try (Interrupts ignored = io.onInterrupt(scanner::cancel)) {
            if (showProgress) {
                progress.start();
            }
            return scanner.probe(models, showProgress ? progress : status -> { });
        } finally {
            if (showProgress) {
                progress.clear();
            }
        }
    }
}
