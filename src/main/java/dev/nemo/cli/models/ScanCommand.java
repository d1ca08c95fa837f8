package dev.nemo.cli.models;

import dev.nemo.cli.ExitCodes;
import dev.nemo.NemoException;
import dev.nemo.cli.AgentOption;
import dev.nemo.cli.CommandSupport;
import dev.nemo.cli.Interrupts;
import dev.nemo.cli.SecretInput;
import dev.nemo.cli.Terminal;
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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scan a provider catalogue (OpenRouter by default) for free models, probe their tool and image "
                + "support concurrently, rank them, and optionally apply them as fallbacks.",
        footer = {"", "Exit codes: 0 ok (also: selection cancelled); 1 failure (catalogue HTTP error, no tool-capable",
                "model, not a terminal and no --yes, empty selection, config write); 64 usage error; 130 interrupted."})
public class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ModelsCommand parent;

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

    @Mixin
    AgentOption agentOption;

    @Override
    public Integer call() {
        Terminal term = CommandSupport.terminal(spec);
        ScanOptions options = scanOptions.toOptions();
        String agent = agentOption.agent() != null ? agentOption.agent() : parent == null ? null : parent.agent;
        RunContext ctx = RunContextLoader.load(term.env(), agent, term::warn);
        long now = System.currentTimeMillis();
        CatalogSource source = CatalogSource.resolve(ctx, options.catalogProvider(), now);
        boolean probing = options.probe() && source.hasKey();
        if (options.probe() && !source.hasKey()) {
            term.err().println("note: no " + source.displayName() + " key found (" + source.keyHint()
                    + "); showing catalogue metadata only, no probes.");
            term.err().flush();
        }
        if ((setDefault || setImage) && !probing) {
            throw !options.probe() ? NemoException.usage("--set-default and --set-image need live probes; drop --no-probe")
                    : NemoException.failure("--set-default and --set-image need live probes, and no " + source.displayName()
                    + " key was found");
        }
        boolean prompt = probing && !yes && !noInput && !json;
        if (prompt && !SecretInput.interactive(term)) {
            throw NemoException.failure("Non-interactive scan: pass --yes to apply defaults.");
        }
        try (ModelScanner scanner = new ModelScanner(source, options, ctx.redactor())) {
            List<ModelScanResult> models = scanner.candidates(new ScanFilter(options.provider(), options.minParamsB(),
                    options.maxAgeDays(), now));
            if (!probing) {
                return metadataOnly(term, source, ScanRanking.sorted(models));
            }
            List<ModelScanResult> results = ScanRanking.sorted(probe(term, scanner, models));
            if (scanner.cancelled()) {
                if (!json) {
                    term.out().println(ScanTableRenderer.summary(results));
                    ScanTableRenderer.render(results, term.width(), term.out());
                    term.out().flush();
                }
                term.err().println("Scan interrupted; nothing was written.");
                return ExitCodes.INTERRUPTED;
            }
            if (results.stream().noneMatch(ModelScanResult::toolOk)) {
                throw NemoException.failure("No tool-capable " + source.displayName() + " free models found.");
            }
            if (!json) {
                term.out().println(ScanTableRenderer.summary(results));
                ScanTableRenderer.render(results, term.width(), term.out());
                term.out().flush();
            }
            return select(term, results, prompt, options.maxCandidates());
        }
    }

    private int select(Terminal term, List<ModelScanResult> results, boolean prompt, int maxCandidates) {
        List<ModelScanResult> selected = ScanRanking.preselect(results, maxCandidates);
        List<ModelScanResult> images = ScanRanking.preselectImages(results, maxCandidates);
        if (prompt) {
            ScanSelectionPrompt ask = ScanSelectionPrompt.onConsole(term);
            Optional<List<ModelScanResult>> picked = ask.ask("Select fallback models (ordered)",
                    ScanRanking.toolCandidates(results), selected);
            Optional<List<ModelScanResult>> pickedImages = picked.isEmpty() ? Optional.empty()
                    : ScanRanking.imageCandidates(results).isEmpty() ? Optional.of(List.of())
                    : ask.ask("Select image fallback models (ordered)", ScanRanking.imageCandidates(results), images);
            if (pickedImages.isEmpty()) {
                term.out().println("Model scan cancelled.");
                term.out().flush();
                return ExitCodes.OK;
            }
            selected = picked.get();
            images = pickedImages.get();
        }
        List<String> keys = selected.stream().map(ModelScanResult::modelRef).toList();
        List<String> imageKeys = images.stream().map(ModelScanResult::modelRef).toList();
        boolean apply = yes || prompt;
        if (apply) {
            write(term, keys, imageKeys);
        } else if (!json) {
            term.out().println("Preselected fallbacks: " + String.join(", ", keys));
            if (!imageKeys.isEmpty()) {
                term.out().println("Preselected image fallbacks: " + String.join(", ", imageKeys));
            }
            term.out().println("Nothing written; pass --yes to apply the preselection.");
        }
        if (!apply && (setDefault || setImage)) {
            term.warn("--set-default/--set-image were not applied: nothing is written without --yes");
        }
        if (json) {
            term.out().print(PrettyJson.write(new ScanJson(keys, imageKeys, setDefault, setImage, apply, results, List.of())));
        }
        term.out().flush();
        return ExitCodes.OK;
    }

    private void write(Terminal term, List<String> keys, List<String> imageKeys) {
        if (keys.isEmpty()) {
            throw NemoException.failure("No models selected for fallbacks.");
        }
        if (setImage && imageKeys.isEmpty()) {
            throw NemoException.failure("No image-capable models selected for image model.");
        }
        SelectionSession session = SelectionSession.open(term);
        SelectionEditor.Outcome outcome = session.editor().applyScan(keys, imageKeys, setDefault ? keys.get(0) : null,
                setImage ? imageKeys.get(0) : null);
        if (json) {
            return;
        }
        session.reportWrite(outcome.written());
        term.out().println("Fallbacks: " + String.join(", ", keys));
        if (!imageKeys.isEmpty()) {
            term.out().println("Image fallbacks: " + String.join(", ", imageKeys));
        }
        if (setDefault) {
            term.out().println("Default model: " + keys.get(0));
        }
        if (setImage) {
            term.out().println("Image model: " + imageKeys.get(0));
        }
    }

    private int metadataOnly(Terminal term, CatalogSource source, List<ModelScanResult> models) {
        if (json) {
            term.out().print(PrettyJson.write(models));
        } else {
            term.out().println("Found " + models.size() + " " + source.displayName()
                    + " free models (metadata only; run without --no-probe, with a key, to test tools/images).");
            ScanTableRenderer.render(models, term.width(), term.out());
        }
        term.out().flush();
        return ExitCodes.OK;
    }

    private List<ModelScanResult> probe(Terminal term, ModelScanner scanner, List<ModelScanResult> models) {
        int total = ModelScanner.probeCount(models);
        boolean showProgress = !json && term.stderrIsTerminal() && total > 0;
        ProbeProgress progress = new ProbeProgress(term.err(), "Probing models", total);
        try (Interrupts ignored = term.invocation().onInterrupt(scanner::cancel)) {
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
