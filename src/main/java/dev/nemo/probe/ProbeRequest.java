package dev.nemo.probe;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request, ready to send: {@code method} {@code uri} with {@code headers} and, for a
 * POST, a JSON {@code body} (null for a GET).
 */
public record ProbeRequest(String method, URI uri, Map<String, String> headers, String body) {

    /** A POST with a JSON body: every probe. */
    public ProbeRequest(URI uri, Map<String, String> headers, String body) {
        this("POST", uri, headers, body);
    }

    @Override
    public String toString() {
        return "ProbeRequest[" + method + " " + uri + ", headers " + headers.keySet() + "]"; // header values hold the credential
    }

    /** A GET without a body: a catalogue. */
    public static ProbeRequest get(URI uri, Map<String, String> headers) {
        return new ProbeRequest("GET", uri, headers, null);
    }
}
