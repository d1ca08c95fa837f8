package dev.nemo.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.json.Json;
import dev.nemo.probe.ProbeJob;
import dev.nemo.probe.ProbeOutcome;
import dev.nemo.probe.ProbeRequest;
import dev.nemo.probe.ReasonCode;
import dev.nemo.providers.ApiStyle;
import dev.nemo.providers.ProviderDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two scan probes over the OpenAI chat-completions API (reference §2.6 step 4): a tool probe
 * that must come back with a tool call, and an image probe with a 1×1 PNG. Token caps are tiny
 * (32 and 16) and the temperature 0.
 */
public final class ScanRequests {
    static final String TOOL_PROMPT = "Call the ping tool with {} and nothing else.";
    static final String IMAGE_PROMPT = "Reply with OK.";
    static final int TOOL_MAX_TOKENS = 32;
    static final int IMAGE_MAX_TOKENS = 16;
    /** A 1×1 transparent PNG. */
    static final String PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private ScanRequests() {
    }

    public static ProbeJob tool(ProviderDefinition provider, String modelId, String key) {
        ObjectNode body = base(modelId, TOOL_MAX_TOKENS);
        body.putArray("messages").addObject().put("role", "user").put("content", TOOL_PROMPT);
        ObjectNode function = body.putArray("tools").addObject().put("type", "function").putObject("function");
        function.put("name", "ping").put("description", "Return OK.");
        function.putObject("parameters").put("type", "object").putObject("properties");
        body.put("tool_choice", "required");
        return new ProbeJob(provider.id(), request(provider, key, body), ApiStyle.OPENAI_COMPLETIONS, ScanRequests::hasToolCall, key);
    }

    public static ProbeJob image(ProviderDefinition provider, String modelId, String key) {
        ObjectNode body = base(modelId, IMAGE_MAX_TOKENS);
        ArrayNode content = body.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", IMAGE_PROMPT);
        content.addObject().put("type", "image_url").putObject("image_url").put("url", "data:image/png;base64," + PIXEL_PNG);
        return new ProbeJob(provider.id(), request(provider, key, body), ApiStyle.OPENAI_COMPLETIONS, ProbeJob.BodyCheck.ANY, key);
    }

    /** The tool probe passes only when some choice carries a tool call. */
    static ProbeOutcome hasToolCall(String body) {
        try {
            for (JsonNode choice : Json.read(body).path("choices")) {
                JsonNode calls = choice.path("message").path("tool_calls");
                if (calls.isArray() && !calls.isEmpty()) {
                    return ProbeOutcome.ok();
                }
            }
        } catch (Exception e) {
            // The classifier already accepted the JSON; fall through.
        }
        return ProbeOutcome.failed(ReasonCode.BAD_REQUEST, "No tool call returned");
    }

    private static ObjectNode base(String modelId, int maxTokens) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", modelId);
        body.put("max_tokens", maxTokens);
        body.put("temperature", 0);
        body.put("stream", false);
        return body;
    }

    private static ProbeRequest request(ProviderDefinition provider, String key, ObjectNode body) {
        Map<String, String> headers = new LinkedHashMap<>(provider.headers());
        headers.put("content-type", "application/json");
        headers.put("accept", "application/json");
        headers.put("authorization", "Bearer " + key);
        return new ProbeRequest(provider.endpoint("/chat/completions"), headers, body.toString());
    }
}
