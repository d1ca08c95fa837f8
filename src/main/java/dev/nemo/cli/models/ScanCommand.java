package dev.nemo.cli.models;

import dev.nemo.cli.Invocation;
import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.OutputFormat;
import dev.nemo.output.JqFilter;
import dev.nemo.output.ScanJson;
import dev.nemo.output.ScanTextRenderer;
import dev.nemo.scan.ScanOptions;
import dev.nemo.scan.ScanOutcome;
import dev.nemo.scan.ScanService;
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
                "130:interrupted (Ctrl-C during probes)",
                "143:terminated (SIGTERM during probes)"})
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

    @Option(names = "--jq", paramLabel = "<expr>", converter = OutputFormat.JqConverter.class,
            description = "With --json: print what this jq expression selects (strings raw, other values as compact JSON).")
    JqFilter jq;

    @Mixin
    ScanOptionsMixin scanOptions;

    @Override
    public Integer call() {
        Invocation io = Invocation.of(spec);
        ScanOptions options = scanOptions.toOptions();
        String agent = ModelsCommand.agent(spec);
        ScanService.Mode mode = yes ? ScanService.Mode.APPLY : noInput || json ? ScanService.Mode.PREVIEW : ScanService.Mode.PROMPT;
        ScanConsole console = new ScanConsole(io, json);
        ScanOutcome outcome = new ScanService(io.env(), io::warn).run(
                new ScanService.Request(agent, options, mode, setDefault, setImage), console);
        if (outcome instanceof ScanOutcome.Interrupted) {
            io.err().println("Scan interrupted; nothing was written.");
            return console.stoppedBy();
        }
        if (outcome instanceof ScanOutcome.MetadataOnly m) {
            if (json) {
                OutputFormat.printJson(io.out(), m.models(), jq);
            } else {
                ScanTextRenderer.metadataOnly(m, io.tableLayout(), io.out());
            }
        } else if (outcome instanceof ScanOutcome.Selected s) {
            if (json) {
                OutputFormat.printJson(io.out(), ScanJson.of(s, setDefault, setImage), jq);
            } else {
                ScanTextRenderer.selected(s, io.env(), io.out());
            }
        } else {
            ScanTextRenderer.declined(io.out());
        }
        io.out().flush();
        return ExitCodes.OK;
    }
}
