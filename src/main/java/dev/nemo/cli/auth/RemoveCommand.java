package dev.nemo.cli.auth;

import dev.nemo.cli.ExitCodes;
import dev.nemo.NemoException;
import dev.nemo.cli.AgentOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a profile from the store (and from auth.profiles / auth.order in the config).")
public class RemoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AgentOption agentOption;

    @ParentCommand
    AuthCommand parent;

    @Parameters(paramLabel = "<profile-id>", description = "The profile to remove, e.g. anthropic:manual.")
    String profileId;

    @Override
    public Integer call() {
        if (profileId.isBlank()) {
            throw NemoException.usage("Missing required parameter: '<profile-id>'");
        }
        AuthCommand.Session s = AuthCommand.Session.open(spec, agentOption, parent.agent);
        s.updated(s.profiles().remove(profileId.trim()).toArray(Path[]::new));
        s.term().out().println("Removed auth profile " + profileId.trim());
        return ExitCodes.OK;
    }
}
