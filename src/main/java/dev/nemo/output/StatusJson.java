package dev.nemo.output;

import dev.nemo.json.PrettyJson;
import dev.nemo.probe.ProbeResult;
import dev.nemo.probe.ProbeRows;
import dev.nemo.status.StatusReport;
import java.io.Writer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code models status --probe --json} written while the probes run: everything before the
 * probe rows at once, each row as soon as it and every row before it have finished, and the
 * rest ({@code finishedAt}, {@code durationMs}, usage) when the run is over. The text is the
 * same as {@link PrettyJson#write} prints for the finished report; at 50,000 profiles little is
 * left to write after the last answer, and a reader (e.g. {@code jq --stream}) sees rows as they
 * come. A run that fails stops the document where it was: it is never closed to look whole.
 */
public final class StatusJson {
    private StatusJson() {
    }

    /**
     * @param report   the report without probes
     * @param shown    the rows to print ({@code --probe-results})
     * @param finished the finished report, rows narrowed as {@code shown} says; waits for the end of the run
     */
    public static void stream(Writer out, StatusReport report, ProbeRows rows, Predicate<ProbeResult> shown,
                              Supplier<StatusReport> finished) {
        PrettyJson.Document json = PrettyJson.open(out);
        json.startObject();
        json.fieldsBefore(report, "auth");
        json.fieldName("auth");
        json.startObject();
        json.fieldsBefore(report.auth(), "probes");
        json.fieldName("probes");
        json.startObject();
        json.fieldsBefore(rows.header(), "results");
        json.fieldName("results");
        json.startArray();
        for (ProbeResult row : rows.inOrder(json::flush)) {
            if (shown.test(row)) {
                json.value(row);
            }
        }
        json.endArray();
        StatusReport done = finished.get();
        json.fieldsAfter(done.auth().probes(), "results");
        json.endObject();
        json.fieldsAfter(done.auth(), "probes");
        json.endObject();
        json.fieldsAfter(done, "auth");
        json.endObject();
        json.close();
    }
}
