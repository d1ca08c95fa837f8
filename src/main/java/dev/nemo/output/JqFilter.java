package dev.nemo.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.NemoException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Version;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * {@code --jq <expr>}: a jq program (jq 1.7 dialect, evaluated in-process by jackson-jq) applied
 * to the JSON a command prints. Each result goes on its own line, strings raw and everything else
 * as compact JSON, as gh's {@code --jq} prints them. The program sees exactly the printed JSON, so
 * it can never reach a secret the JSON does not hold; jackson-jq has no {@code env}, {@code input}
 * or module loading.
 */
public final class JqFilter {
    private static final Version DIALECT = Versions.JQ_1_7;
    /** javacc's "Encountered " "}" "} "" at line 1, column 4." — the offending token and where it is. */
    private static final Pattern PARSE_ERROR = Pattern.compile("Encountered (?:\" \\S+ \"(.*) \"\"|\"<EOF>\") at line \\d+, column (\\d+)");

    private final String expression;
    private final JsonQuery query;

    private JqFilter(String expression, JsonQuery query) {
        this.expression = expression;
        this.query = query;
    }

    /** Compiles {@code expression}; a syntax error is a usage error naming the token and column. */
    public static JqFilter compile(String expression) {
        try {
            return new JqFilter(expression, JsonQuery.compile(expression, DIALECT));
        } catch (JsonQueryException e) {
            throw NemoException.usage("--jq " + quoted(expression) + " is not a valid jq expression: " + syntaxProblem(e));
        }
    }

    /** Runs the program on {@code json}, then prints its results; nothing is printed when it fails. */
    public void print(String json, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        try {
            JsonNode input = mapper.readTree(json);
            Scope scope = Scope.newEmptyScope();
            BuiltinFunctionLoader.getInstance().loadFunctions(DIALECT, scope);
            query.apply(Scope.newChildScope(scope), input, result -> lines.add(line(mapper, result)));
        } catch (JsonQueryException e) {
            throw NemoException.usage("--jq " + quoted(expression) + " failed: " + firstLine(e.getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("nemo printed JSON it cannot read back", e);
        }
        lines.forEach(out::println);
    }

    private static String line(ObjectMapper mapper, JsonNode result) {
        if (result.isTextual()) {
            return result.textValue();
        }
        try {
            return mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a jq result", e);
        }
    }

    /** The javacc parser's message names the token it stumbled on; say that, not its list of expected tokens. */
    private static String syntaxProblem(JsonQueryException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = PARSE_ERROR.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1) == null ? "it ends too early" : "unexpected " + quoted(m.group(1)) + " at column " + m.group(2);
            }
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "jq error";
        }
        return message.strip().lines().findFirst().orElse(message);
    }

    private static String quoted(String text) {
        return "'" + text.replace("\n", " ") + "'";
    }
}
