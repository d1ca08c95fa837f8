package dev.nemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import matrix of the main sources: data flows down the layers below and no reference
 * points up, so there is no cycle between packages. Reads the sources as text (imports and
 * fully qualified names), so it needs no extra library.
 */
class ArchitectureTest {
    /** Bottom first. Packages on one row may not use each other (but for the command packages). */
    private static final List<List<String>> LAYERS = List.of(
            List.of("", "json", "text"),
            List.of("config"),
            List.of("net"),
            List.of("providers"),
            List.of("models"),
            List.of("auth"),
            List.of("auth.oauth"),
            List.of("context"),
            List.of("probe"),
            List.of("scan", "status"),
            List.of("output"),
            List.of("cli"));
    private static final Path MAIN = Path.of("src/main/java/dev/nemo");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.nemo\\.((?:[a-z0-9]+\\.)*)[A-Z]");

    @Test
    void everyReferenceBetweenPackagesPointsDown() throws IOException {
        List<String> upward = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = packageOf(MAIN.relativize(file.getParent()).toString().replace('/', '.'));
                seen.add(from);
                String text = Files.readString(file).replaceFirst("(?m)^package [^;]+;", "");
                Matcher m = REFERENCE.matcher(text);
                while (m.find()) {
                    String to = packageOf(m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1));
                    if (!to.equals(from) && rank(to) >= rank(from)) {
                        upward.add(MAIN.relativize(file) + ": " + display(from) + " -> " + display(to));
                    }
                }
            }
        }
        assertThat(upward).as("references that point up or sideways").isEmpty();
        assertThat(seen).allSatisfy(p -> assertThat(rank(p)).as("layer of package " + display(p)).isNotNegative());
    }

    /**
     * One Vert.x instance per run: a probe run's HttpStack (which the run's other HTTP shares), a
     * run without probes' RunVertx, and the interactive OAuth login flows, which run no probes.
     */
    @Test
    void onlyTheRunsHttpStackAndTheLoginFlowsCreateAVertxInstance() throws IOException {
        List<String> creators = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("Vertx.vertx(")) {
                    creators.add(MAIN.relativize(file).toString());
                }
            }
        }
        assertThat(creators).containsExactlyInAnyOrder("probe/HttpStack.java", "context/RunVertx.java", "auth/oauth/OAuthLogin.java");
    }

    /** Every command package is one layer: a group command names its subcommands and they name their parent. */
    private static String packageOf(String pkg) {
        return pkg.equals("cli") || pkg.startsWith("cli.") ? "cli" : pkg;
    }

    private static int rank(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    private static String display(String pkg) {
        return pkg.isEmpty() ? "dev.nemo" : "dev.nemo." + pkg;
    }

}
