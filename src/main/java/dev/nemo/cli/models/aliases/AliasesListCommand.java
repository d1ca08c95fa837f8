package dev.nemo.cli.models.aliases;

import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.CommandSupport;
import dev.nemo.cli.OutputFormat;
import dev.nemo.cli.Terminal;
import dev.nemo.cli.models.SelectionSession;
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
        Terminal term = CommandSupport.terminal(spec);
        ConfigFile.Loaded loaded = SelectionSession.open(term).load();
        Map<String, String> aliases = new AliasIndex(loaded.config().defaults().models()).aliases();
        if (format.json()) {
            format.printJson(term.out(), Map.of("aliases", aliases));
        } else if (format.plain()) {
            aliases.forEach((alias, key) -> term.out().println(alias + " " + key));
        } else {
            SelectionListRenderer.aliases(aliases, term.out());
        }
        term.out().flush();
        return ExitCodes.OK;
    }
}
