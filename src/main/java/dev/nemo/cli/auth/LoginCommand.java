package dev.nemo.cli.auth;

import dev.nemo.cli.ExitCodes;
import dev.nemo.cli.SecretInput;
import dev.nemo.auth.oauth.LoginService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Run a provider's auth method and store the resulting profile.",
                "Every provider has the api-key method: the key comes from a no-echo prompt, or from standard input.",
                "Providers with models.providers.<id>.oauth endpoints also offer oauth (browser login with PKCE and a "
                        + "loopback redirect) and device (a code to enter on another device); instructions go to stderr."})
public class LoginCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--provider", paramLabel = "<id>", required = true, description = "Provider to log in to.")
    String provider;

    @Option(names = "--method", paramLabel = "<id>", defaultValue = "api-key", description = "Auth method: api-key, oauth or device (default: ${DEFAULT-VALUE}; see `nemo plugins list`).")
    String method;

    @Option(names = "--profile-id", paramLabel = "<id>", description = "Profile id (default: <provider>:default; OAuth logins that learn an email: <provider>:<email>).")
    String profileId;

    @Option(names = "--set-default", description = "Also make the provider's default model the agent's default.")
    boolean setDefault;

    @Option(names = "--force", description = "Replace an existing profile of that id without asking.")
    boolean force;

    @Override
    public Integer call() {
        AuthCommand.AgentAuth s = AuthCommand.AgentAuth.open(spec);
        LoginService.Login login = s.login().login(new LoginService.Request(provider, method, profileId, setDefault),
                id -> SecretInput.read(s.io(), "API key for " + id + ": "), id -> s.mayReplace(id, force), s::say);
        s.updated(s.profiles().storePath(), s.profiles().configPath());
        s.io().out().println("Auth profile: " + login.profileId() + " (" + login.provider() + "/" + login.kind().wireName() + ")");
        if (login.defaultSet()) {
            s.io().out().println("Default model set to " + login.defaultModel());
        } else if (login.defaultModel() != null) {
            s.io().out().println("Default model available: " + login.defaultModel() + " (use --set-default to apply)");
        }
        return ExitCodes.OK;
    }
}
