package dev.nemo.cli.auth;

import dev.nemo.auth.CooldownReset;
import dev.nemo.cli.ExitCodes;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "clear-cooldown", mixinStandardHelpOptions = true,
        description = "Make a profile usable again: reset its cooldown or disable and its error and failure counts "
                + "(usageStats; last use and last failure times are kept). Locked write.")
public class ClearCooldownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static class Target {
        @Parameters(paramLabel = "<profile-id>", description = "The profile to reset, e.g. anthropic:default.")
        String profileId;

        @Option(names = "--all", required = true, description = "Reset every profile of the agent.")
        boolean all;
    }

    @Override
    public Integer call() {
        AuthCommand.AgentAuth s = AuthCommand.AgentAuth.open(spec);
        CooldownReset reset = new CooldownReset(s.ctx().store(), s.profiles().storePath());
        CooldownReset.Result result = target.all ? reset.clearAll() : reset.clear(target.profileId);
        s.updated(result.written().toArray(Path[]::new));
        if (result.profileIds().isEmpty()) {
            s.io().out().println(target.all ? "No profile has a cooldown, a disable or failure counts."
                    : "Auth profile " + target.profileId.trim() + " has no cooldown, disable or failure counts.");
        } else {
            s.io().out().println("Cleared cooldown, disable and failure counts: " + String.join(", ", result.profileIds()));
        }
        return ExitCodes.OK;
    }
}
