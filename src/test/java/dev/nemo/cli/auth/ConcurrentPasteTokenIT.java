package dev.nemo.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.testing.Fixture;
import dev.nemo.testing.NemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 20 nemo processes paste 20 different tokens into one agent's store at the same time: every
 * write re-reads under the lock, so no writer's profile is lost, in the store or in the config.
 */
class ConcurrentPasteTokenIT {
    static final int WRITERS = 20;

    @TempDir
    Path home;

    static String token(int i) {
        return "sk-ant-oat01-" + "p%02d-".formatted(i) + "Xq7Wz2Lp9Rt4Ys8Ud3Ng6Mh1Kj5Bv0Cx-Ae_Fr2Gt7Hy4Ju9Ki3Lo8Pm1Nb6Vc5Xz0Sa";
    }

    @Test
    void twentyConcurrentPasteTokensAllEndUpInOneValidStoreAndInTheConfig() throws Exception {
        NemoRun nemo = new NemoRun(home);
        // A profile that was there before must survive too.
        Fixture.write(Fixture.mainStore(nemo), """
                {"version": 1, "profiles": {"openai:old": {"type": "api_key", "provider": "openai", "key": "sk-old"}}}
                """);
        List<NemoRun.Running> running = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            running.add(nemo.stdin(token(i)).start("models", "auth", "paste-token", "--provider", "anthropic",
                    "--profile-id", "anthropic:p" + i));
        }
        List<NemoRun.Result> results = running.stream().map(NemoRun.Running::await).toList();

        assertThat(results).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
        JsonNode store = new ObjectMapper().readTree(Files.readString(Fixture.mainStore(nemo)));
        List<String> expected = new ArrayList<>(IntStream.range(0, WRITERS).mapToObj(i -> "anthropic:p" + i).toList());
        expected.add("openai:old");
        assertThat(store.path("profiles").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(expected);
        for (int i = 0; i < WRITERS; i++) {
            assertThat(store.at("/profiles/anthropic:p" + i + "/token").asText()).isEqualTo(token(i));
        }
        JsonNode config = new ObjectMapper().readTree(Files.readString(Fixture.config(nemo)));
        assertThat(config.at("/auth/profiles").fieldNames()).toIterable()
                .containsExactlyInAnyOrderElementsOf(expected.subList(0, WRITERS));
        try (var leftovers = Files.list(Fixture.mainStore(nemo).getParent())) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).as("no temp files left behind")
                    .containsExactlyInAnyOrder("auth-profiles.json", "auth-profiles.json.lock");
        }
    }
}
