package dev.nemo.cli.auth;

import dev.nemo.cli.ExitCodes;
import dev.nemo.NemoException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a profile from the store (and from auth.profiles / auth.order in the config).")
public class RemoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<profile-id>", description = "The profile to remove, e.g. anthropic:manual.")
    String profileId;

    @Override
    public Integer call() {
        if (profileId.isBlank()) {
            throw NemoException.usage("Missing required parameter: '<profile-id>'");
        }
        AuthCommand.AgentAuth s = AuthCommand.AgentAuth.open(spec);
        s.updated(s.profiles().remove(profileId.trim()).toArray(Path[]::new));
        s.io().out().println("Removed auth profile " + profileId.trim());
        return ExitCodes.OK;
    }
}
