package dev.nemo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real parsers a metrics file must pass: {@code promtool check metrics} (Prometheus's own
 * text parser and linter, the parser node_exporter's textfile collector uses) and the OpenMetrics
 * parser of the Prometheus Python client. Both come from Debian (`.ci/run` installs them); on a
 * machine without them the tests that need them are skipped, except under CI, where they fail.
 */
public final class MetricsParsers {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String OPENMETRICS_TO_JSON = """
            import json, sys
            from prometheus_client.openmetrics.parser import text_string_to_metric_families
            families = [{"name": f.name, "type": f.type, "unit": f.unit, "help": f.documentation,
                         "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in f.samples]}
                        for f in text_string_to_metric_families(open(sys.argv[1], encoding="utf-8").read())]
            print(json.dumps(families))
            """;

    private MetricsParsers() {
    }

    public record Outcome(int exitCode, String output) {
    }

    /** {@code promtool check metrics < file}: exit 0 and no output when the file parses and lints clean. */
    public static Outcome promtoolCheck(Path file) {
        require("promtool", onPath("promtool"));
        return run(file, List.of("promtool", "check", "metrics"));
    }

    /** The families the OpenMetrics parser reads from {@code file}; fails the test when it rejects the file. */
    public static JsonNode openMetrics(Path file) throws IOException {
        require("the Prometheus Python client (python3-prometheus-client)", Files.isExecutable(PYTHON)
                && run(null, List.of(PYTHON.toString(), "-c", "import prometheus_client")).exitCode() == 0);
        Outcome outcome = run(null, List.of(PYTHON.toString(), "-c", OPENMETRICS_TO_JSON, file.toString()));
        if (outcome.exitCode() != 0) {
            throw new AssertionError("the OpenMetrics parser rejected " + file + ":\n" + outcome.output());
        }
        return new ObjectMapper().readTree(outcome.output());
    }

    private static void require(String tool, boolean present) {
        if (!present) {
            String why = tool + " is not installed (apt-get install it, as .ci/run does)";
            if (System.getenv("CI") != null) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static Outcome run(Path stdin, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        try {
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish within 60 s");
            }
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            return new Outcome(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
