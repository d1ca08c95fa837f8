package dev.nemo.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GitHub Actions workflow command read back as the runner reads a line of a step's output
 * (actions/runner {@code ActionCommand.TryParseV2}): {@code ::name k=v,k=v::data}, the command
 * ending at the first {@code ::} after the name, properties split at {@code ,} and {@code =}, then
 * unescaped ({@code %0D %0A %3A %2C} and {@code %25} last).
 */
public record WorkflowCommand(String name, Map<String, String> properties, String data) {

    public static Optional<WorkflowCommand> parse(String line) {
        String text = line.strip();
        if (!text.startsWith("::")) {
            return Optional.empty();
        }
        int end = text.indexOf("::", 2);
        if (end < 0) {
            return Optional.empty();
        }
        String info = text.substring(2, end);
        int space = info.indexOf(' ');
        String name = space < 0 ? info : info.substring(0, space);
        Map<String, String> properties = new LinkedHashMap<>();
        if (space >= 0) {
            for (String pair : info.substring(space + 1).split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    properties.put(pair.substring(0, eq), unescape(pair.substring(eq + 1), true));
                }
            }
        }
        return Optional.of(new WorkflowCommand(name, properties, unescape(text.substring(end + 2), false)));
    }

    /** Every line of {@code output} the runner would take as a command. */
    public static List<WorkflowCommand> all(String output) {
        return output.lines().map(WorkflowCommand::parse).flatMap(Optional::stream).toList();
    }

    private static String unescape(String s, boolean property) {
        String out = s.replace("%0D", "\r").replace("%0A", "\n");
        if (property) {
            out = out.replace("%3A", ":").replace("%2C", ",");
        }
        return out.replace("%25", "%");
    }
}
