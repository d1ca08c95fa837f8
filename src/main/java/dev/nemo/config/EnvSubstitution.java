package dev.nemo.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in every string value with the environment variable NAME
 * ({@code $${NAME}} stays literal). An unset variable is a config issue, reported with its
 * JSON path, so a typo never turns into an empty API key silently.
 */
public final class EnvSubstitution {
    private static final Pattern REF = Pattern.compile("\\$?\\$\\{([A-Z_][A-Z0-9_]*)}");

    private EnvSubstitution() {
    }

    /** Returns a substituted deep copy of {@code root}; unresolved names are added to {@code issues}. */
    public static JsonNode apply(JsonNode root, Environment env, List<ConfigIssue> issues) {
        return walk(root.deepCopy(), "", env, issues);
    }

    private static JsonNode walk(JsonNode node, String path, Environment env, List<ConfigIssue> issues) {
        if (node instanceof ObjectNode object) {
            for (var it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                field.setValue(walk(field.getValue(), join(path, field.getKey()), env, issues));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, walk(array.get(i), path + "[" + i + "]", env, issues));
            }
        } else if (node.isTextual() && node.asText().contains("${")) {
            return TextNode.valueOf(substitute(node.asText(), path, env, issues));
        }
        return node;
    }

    static String substitute(String text, String path, Environment env, List<ConfigIssue> issues) {
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String replacement;
            if (m.group().startsWith("$$")) {
                replacement = m.group().substring(1);
            } else {
                String value = env.vars().get(m.group(1));
                if (value == null || value.isEmpty()) {
                    missing.add(m.group(1));
                    value = "";
                }
                replacement = value;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        for (String name : missing) {
            issues.add(new ConfigIssue(path, "environment variable " + name + " is not set"));
        }
        return out.toString();
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
