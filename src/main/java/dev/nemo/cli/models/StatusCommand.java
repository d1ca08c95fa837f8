package dev.nemo.cli.models;

import dev.nemo.ExitCodes;
import dev.nemo.NemoException;
import dev.nemo.cli.AgentOption;
import dev.nemo.cli.CommandSupport;
import dev.nemo.cli.OutputFormat;
import dev.nemo.cli.Terminal;
import dev.nemo.config.PrettyJson;
import dev.nemo.context.RunContext;
import dev.nemo.context.RunContextLoader;
import dev.nemo.output.StatusTextRenderer;
import dev.nemo.status.CheckVerdict;
import dev.nemo.status.MissingAuthHints;
import dev.nemo.status.StatusReport;
import dev.nemo.status.StatusService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show the resolved default, fallbacks, image model, aliases and allowlist, and an auth overview.",
        footer = {"", "Exit codes: 0 ok; 1 failure (with --check: a provider in use has no usable auth);",
                "2 (--check only) a token in use expires within 24 h; 64 usage error."})
public class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ModelsCommand parent;

    @Mixin
    OutputFormat format;

    @Mixin
    AgentOption agentOption;

    @Option(names = "--check", description = "Exit 1 if a provider in use lacks usable auth, 2 if a token in use expires within 24 h.")
    boolean check;

    @Override
    public Integer call() {
        Terminal term = CommandSupport.terminal(spec);
        String agent = agentOption.agent() != null ? agentOption.agent() : parent == null ? null : parent.agent;
        RunContext ctx = RunContextLoader.load(term.env(), agent, term::warn);
        StatusService service = new StatusService(ctx, System.currentTimeMillis());
        StatusReport report = service.report();
        if (format.json()) {
            term.out().print(PrettyJson.write(report));
        } else if (format.plain()) {
            term.out().println(report.resolvedDefault());
        } else {
            new StatusTextRenderer(term.env()).render(report,
                    MissingAuthHints.of(report.auth().missingProvidersInUse(), ctx.providers()), term.out());
        }
        term.out().flush();
        return check ? CheckVerdict.of(service).exitCode() : ExitCodes.OK;
    }
}
