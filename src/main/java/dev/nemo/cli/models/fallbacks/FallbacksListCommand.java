package dev.nemo.cli.models.fallbacks;

import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.OutputFormat;
import dev.nemo.cli.Invocation;
import dev.nemo.cli.models.SelectionConfig;
import dev.nemo.config.ModelSetting;
import dev.nemo.config.NemoConfig;
import dev.nemo.output.SelectionListRenderer;
import dev.nemo.models.ModelSlot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the fallback chain, as configured.")
public class FallbacksListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    FallbackChain chain;

    @Mixin
    OutputFormat format;

    @Override
    public Integer call() {
        Invocation io = Invocation.of(spec);
        NemoConfig.AgentDefaults defaults = SelectionConfig.open(io).load().config().defaults();
        ModelSetting setting = chain.slot() == ModelSlot.TEXT ? defaults.model() : defaults.imageModel();
        List<String> fallbacks = setting.fallbacks();
        if (format.json()) {
            format.printJson(io.out(), Map.of("fallbacks", fallbacks));
        } else if (format.plain()) {
            fallbacks.forEach(io.out()::println);
        } else {
            SelectionListRenderer.fallbacks(chain.slot().fallbacksLabel(), fallbacks, io.out());
        }
        io.out().flush();
        return ExitCodes.OK;
    }
}
