package dev.nemo.cli.models;

import dev.nemo.cli.ExitCodes;
import dev.nemo.NemoException;
import dev.nemo.cli.OutputFormat;
import dev.nemo.cli.Invocation;
import dev.nemo.context.RunContext;
import dev.nemo.context.RunContextLoader;
import dev.nemo.models.ModelListQuery;
import dev.nemo.models.ModelLister;
import dev.nemo.models.ModelRow;
import dev.nemo.models.ModelCatalog;
import dev.nemo.config.ProviderId;
import dev.nemo.output.ModelListJson;
import dev.nemo.output.ModelTableRenderer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the configured models (default, fallbacks, image model, allowlist), or the whole catalogue with --all.")
public class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--all", description = "The whole model catalogue (built in plus models.providers), not only configured models.")
    boolean all;

    @Option(names = "--local", description = "Only models served from this machine (localhost, 127.0.0.1, 0.0.0.0, ::1, *.local).")
    boolean local;

    @Option(names = "--provider", paramLabel = "<name>", description = "Only models of this provider.")
    String provider;

    @Mixin
    OutputFormat format;

    @Override
    public Integer call() {
        Invocation io = Invocation.of(spec);
        String providerFilter = null;
        if (provider != null) {
            if (provider.isBlank() || provider.trim().chars().anyMatch(Character::isWhitespace)) {
                throw NemoException.usage("Invalid --provider " + dev.nemo.text.PrintableText.quote(provider) + ": expected a provider id such as openai");
            }
            providerFilter = ProviderId.normalize(provider);
        }
        RunContext ctx = RunContextLoader.load(io.env(), ModelsCommand.agent(spec), io::warn);
        ModelCatalog catalog = ModelCatalog.load(ctx.config().config(), ctx.providers());
        List<ModelRow> rows = new ModelLister(ctx.models(), catalog, ctx::hasAuth).rows(new ModelListQuery(all, local, providerFilter));
        if (format.json()) {
            format.printJson(io.out(), ModelListJson.of(rows));
        } else if (format.plain()) {
            rows.forEach(r -> io.out().println(r.key()));
        } else {
            new ModelTableRenderer().render(rows, io.out());
        }
        io.out().flush();
        return ExitCodes.OK;
    }
}
