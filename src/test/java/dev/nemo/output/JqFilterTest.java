package dev.nemo.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.NemoException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JqFilterTest {
    private static final String JSON = "{\"count\": 2, \"models\": [{\"key\": \"openai/gpt-5\", \"tags\": [\"default\"]}, "
            + "{\"key\": \"anthropic/claude\", \"tags\": []}]}";

    private static String print(String expression) {
        StringWriter out = new StringWriter();
        JqFilter.compile(expression).print(JSON, new PrintWriter(out, true));
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            ".count => 2",
            ".models[].key => openai/gpt-5\\nanthropic/claude",
            ".models[0] => {\"key\":\"openai/gpt-5\",\"tags\":[\"default\"]}",
            "[.models[].tags | length] => [1,0]",
            ".missing => null",
            "'\"a\\tb\"' => a\tb",
            "empty => ''"})
    void printsOneResultPerLineStringsRaw(String expression, String expected) {
        String lines = expected.replace("\\n", "\n");
        assertThat(print(expression)).isEqualTo(lines.isEmpty() ? "" : lines + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "'.count |' => it ends too early",
            "'.models[' => it ends too early",
            "'{a:}' => unexpected '}' at column 4",
            "'\"open' => it ends too early"})
    void aSyntaxErrorIsAUsageErrorNamingWhereItIs(String expression, String problem) {
        assertThatThrownBy(() -> JqFilter.compile(expression)).isInstanceOf(NemoException.class)
                .hasMessage("--jq '" + expression + "' is not a valid jq expression: " + problem)
                .extracting(e -> ((NemoException) e).kind()).isEqualTo(NemoException.Kind.USAGE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            ".count | .x => Cannot index number with",
            "nosuch => Function nosuch/0 does not exist",
            "error(\"stop here\") => stop here"})
    void aFailureOnTheDataIsAUsageErrorAndPrintsNothing(String expression, String message) {
        StringWriter out = new StringWriter();
        JqFilter filter = JqFilter.compile(".models[].key, (" + expression + ")");
        assertThatThrownBy(() -> filter.print(JSON, new PrintWriter(out, true))).isInstanceOf(NemoException.class)
                .hasMessageStartingWith("--jq '.models[].key, (" + expression + ")' failed: " + message);
        assertThat(out.toString()).isEmpty();
    }
}
