package dev.nemo.probe;

import java.net.URI;
import java.util.Map;

/** One HTTP request, ready to send: POST {@code uri} with {@code headers} and a JSON {@code body}. */
public record ProbeRequest(URI uri, Map<String, String> headers, String body) {
}
