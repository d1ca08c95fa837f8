package dev.nemo.cli.models.aliases;

import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.OutputFormat;
import dev.nemo.cli.Invocation;
import dev.nemo.cli.models.SelectionConfig;
import dev.nemo.config.ConfigFile;
import dev.nemo.models.AliasIndex;
import dev.nemo.output.SelectionListRenderer;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List aliases: alias -> provider/model.")
public class AliasesListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputFormat format;

    @Override
    public Integer call() {
        Invocation io = Invocation.of(spec);
        ConfigFile.Loaded loaded = SelectionConfig.open(io).load();
        Map<String, String> aliases = new AliasIndex(loaded.config().defaults().models()).aliases();
        if (format.json()) {
            format.printJson(io.out(), Map.of("aliases", aliases));
        } else if (format.plain()) {
            aliases.forEach((alias, key) -> io.out().println(alias + " " + key));
        } else {
            SelectionListRenderer.aliases(aliases, io.out());
        }
        io.out().flush();
        return ExitCodes.OK;
    }
}
