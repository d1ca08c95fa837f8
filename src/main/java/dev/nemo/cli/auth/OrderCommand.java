package dev.nemo.cli.auth;

import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.OutputFormat;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code auth order get|set|clear}: the per-agent rotation order override in the store. */
@Command(name = "order", mixinStandardHelpOptions = true,
        description = "Show, set or clear the agent's per-provider profile order (the store's `order`).",
        subcommands = {OrderCommand.Get.class, OrderCommand.Set.class, OrderCommand.Clear.class})
public class OrderCommand extends dev.nemo.cli.CommandGroup {

    /** {@code inheritedFrom}: the main agent's store, when {@code order} is inherited from it. */
    @RegisterForReflection
    public record OrderView(String agentId, String agentDir, String provider, String authStorePath,
                            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
                            List<String> order, String inheritedFrom) {
    }

    static void header(AuthCommand.AgentAuth s, String provider) {
        s.io().out().println("Agent: " + (s.ctx().agent().agentId() != null ? s.ctx().agent().agentId() : s.display(s.ctx().agent().agentDir())));
        s.io().out().println("Provider: " + provider);
    }

    /** What get, set and clear share: the agent, the store and the {@code --provider} they act on. */
    abstract static class ProviderOrder implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--provider", paramLabel = "<id>", required = true, description = "Provider.")
        String provider;

        AuthCommand.AgentAuth agentAuth() {
            return AuthCommand.AgentAuth.open(spec);
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show the order override.")
    public static class Get extends ProviderOrder {
        @Mixin
        OutputFormat format;

        @Override
        public Integer call() {
            AuthCommand.AgentAuth s = agentAuth();
            String id = s.profiles().provider(provider);
            List<String> ids = s.profiles().order(id).orElse(null);
            java.nio.file.Path from = s.profiles().orderInheritedFrom(id).orElse(null);
            if (format.json()) {
                format.printJson(s.io().out(), new OrderView(s.ctx().agent().agentId(), s.ctx().agent().agentDir().toString(),
                        id, s.profiles().storePath().toString(), ids, from == null ? null : from.toString()));
            } else if (format.plain()) {
                if (ids != null) {
                    ids.forEach(s.io().out()::println);
                }
            } else {
                header(s, id);
                s.io().out().println("Auth file: " + s.display(s.profiles().storePath()));
                s.io().out().println("Order override: " + (ids == null ? "(none)" : String.join(", ", ids))
                        + (from == null ? "" : " (inherited from the main agent's " + s.display(from) + ")"));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set the order override (profiles of that provider, in order).")
    public static class Set extends ProviderOrder {
        @Parameters(paramLabel = "<profile-id>", arity = "1..*", description = "Profile ids, first = preferred.")
        List<String> ids = new ArrayList<>();

        @Override
        public Integer call() {
            AuthCommand.AgentAuth s = agentAuth();
            String id = s.profiles().provider(provider);
            List<String> saved = s.profiles().setOrder(id, ids);
            s.updated(s.profiles().storePath());
            header(s, id);
            s.io().out().println("Order override: " + String.join(", ", saved));
            return ExitCodes.OK;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove the order override.")
    public static class Clear extends ProviderOrder {
        @Override
        public Integer call() {
            AuthCommand.AgentAuth s = agentAuth();
            String id = s.profiles().provider(provider);
            boolean removed = s.profiles().clearOrder(id);
            if (removed) {
                s.updated(s.profiles().storePath());
            }
            header(s, id);
            s.io().out().println(removed ? "Cleared per-agent order override." : "No per-agent order override to clear.");
            s.profiles().mainOrder(id).ifPresent(main -> s.io().out().println("Order override still inherited from the main agent's "
                    + s.display(s.profiles().inheritedStorePath().orElseThrow()) + ": " + String.join(", ", main)));
            return ExitCodes.OK;
        }
    }
}
