package dev.nemo.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.json.Json;
import dev.nemo.providers.ApiStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides what a provider's answer means for the credential (README "Reason codes"). The
 * provider's own error payload decides, not the HTTP status alone: several providers say "dead
 * key" with a 400, "out of credits" with a 403 or 429 or inside a 200, and "per-minute quota"
 * with a 429 that is no billing problem. Three tiers, first match wins:
 * <ol>
 *   <li>the payload's specific machine-readable codes ({@code insufficient_quota},
 *       {@code RESOURCE_EXHAUSTED}, {@code overloaded_error}, {@code API_KEY_EXPIRED}, …);</li>
 *   <li>phrases that decide whatever the code (leaked, expired, suspended, credit balance,
 *       region), in the languages providers answer in;</li>
 *   <li>generic codes and weaker phrases (unauthorized, rate limit, model not found, …);</li>
 * </ol>
 * and only then the HTTP status. Transport failures are classified elsewhere (no answer came).
 */
public final class ProbeClassifier {
    /** The decisive part of a provider's message; a longer one is cut at a sentence end. */
    static final int MAX_ERROR_CHARS = 300;

    private record Rule(ReasonCode reason, Pattern pattern) {
        static Rule of(ReasonCode reason, String regex) {
            return new Rule(reason, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    /** Before everything: phrases so specific that they overrule the code they come with. */
    private static final List<Rule> OVERRIDES = List.of(
            // Anthropic types this rate_limit_error, but only paying for extra usage lifts it.
            Rule.of(ReasonCode.BILLING_INACTIVE, "extra usage is required"));

    /** Tier 1: exact codes from the payload's machine-readable fields (matched against the signals only). */
    private static final List<Rule> CODES = List.of(
            Rule.of(ReasonCode.BILLING_INACTIVE, "\\b(billing_not_active|quota_value_zero)\\b"),
            Rule.of(ReasonCode.SPEND_LIMIT, "\\bbilling_hard_limit_reached\\b"),
            Rule.of(ReasonCode.INSUFFICIENT_CREDITS, "\\b(insufficient_quota|exceeded_current_quota_error|insufficient_balance"
                    + "|insufficient_credits|payment_required|base_resp_1008|arrearage|accountoverdueerror)\\b"),
            Rule.of(ReasonCode.EXPIRED_KEY, "\\bapi_key_expired\\b"),
            Rule.of(ReasonCode.ACCOUNT_DISABLED, "\\b(account_deactivated|organization_deactivated|consumer_suspended"
                    + "|access_terminated_error)\\b"),
            Rule.of(ReasonCode.REGION_BLOCKED, "\\bunsupported_country_region_territory\\b"),
            Rule.of(ReasonCode.RATE_LIMITED, "\\b(rate_limit_exceeded|rate_limit_error|rate_limit_reached_error|resource_exhausted"
                    + "|too_many_requests|base_resp_1002|base_resp_1039)\\b"),
            Rule.of(ReasonCode.OVERLOADED, "\\b(overloaded_error|engine_overloaded_error|server_overloaded|unavailable"
                    + "|service_unavailable)\\b"),
            Rule.of(ReasonCode.MODEL_NOT_FOUND, "\\b(model_not_found|model_not_available|model_decommissioned|not_?found_?error"
                    + "|resource_not_found_error|not_found)\\b"),
            Rule.of(ReasonCode.TIMEOUT, "\\bdeadline_exceeded\\b"),
            Rule.of(ReasonCode.INVALID_KEY, "\\b(base_resp_1004|base_resp_2049)\\b"));

    /** Tier 2: phrases that say what is wrong whatever code came with them. */
    private static final List<Rule> DECISIVE = List.of(
            Rule.of(ReasonCode.REGION_BLOCKED, "location is not supported|country, region,? or territory|unsupported (country|region)"
                    + "|not (available|supported) in your (country|region|location)|region is not supported|地区不支持|不支持.{0,6}地区"),
            Rule.of(ReasonCode.REVOKED_KEY, "reported as leaked|\\bleaked\\b|\\brevoked\\b|key (has been|was) (disabled|deleted|deactivated)"),
            Rule.of(ReasonCode.INVALID_KEY, "expired or (invalid|incorrect)|过期或验证不正确"),
            Rule.of(ReasonCode.EXPIRED_KEY, "(api[ _-]?key|token|key|credential)s? (has |have |is )?expired|expired (api[ _-]?key|token|key)"
                    + "|令牌已过期|token已过期|已过期"),
            Rule.of(ReasonCode.ACCOUNT_DISABLED, "access terminated|(account|organi[sz]ation|project|workspace).{0,60}?\\b(has been |is |was )?"
                    + "(deactivated|disabled|suspended|banned|blocked|locked|terminated|denied access)|账(户|号)[^。]{0,10}(冻结|禁用|锁定|封禁)"),
            Rule.of(ReasonCode.SPEND_LIMIT, "specified api usage limit|limit for this billing cycle|spend(ing)? limit|budget (has been |was )?(exceeded|reached)"
                    + "|exceeded (your |the )?budget|exceeded\\w*budget|max budget|key limit exceeded|limit exceeded for this key|monthly (usage |spend(ing)? )?limit|hard limit"),
            Rule.of(ReasonCode.INSUFFICIENT_CREDITS, "insufficient[ _-]?(balance|credits?|funds|quota)|credit balance|out of credits"
                    + "|not enough (credits|balance)|balance is insufficient|overdue balance|arrears|\\btop[ -]?up\\b|(doesn't|does not|don't|do not) have (any |enough )?credits|requires more credits|can only afford|no credits|payment required"
                    + "|exceeded your current quota|check your plan and billing|余额不足|欠费|账户余额|余额"),
            Rule.of(ReasonCode.BILLING_INACTIVE, "billing (is )?not (active|enabled)|enable billing|no payment method|add a payment method"
                    + "|resource package|资源包|no active (plan|subscription)|subscription (has )?(expired|ended|is inactive)"));

    /** Tier 3: generic codes and weaker phrases, in order. */
    private static final List<Rule> LIKELY = List.of(
            Rule.of(ReasonCode.MODEL_NOT_FOUND, "model\\b.{0,120}?(not found|does not exist|doesn't exist|not exist|is not supported"
                    + "|not supported|not available|is unknown|no access|do not have access|is not a valid model|invalid)"
                    + "|decommissioned|not a valid model|no endpoints found|unknown model|invalid model|no such model|模型不存在|模型.{0,6}(不存在|不可用)"),
            Rule.of(ReasonCode.INVALID_KEY, "\\b(api_key_invalid|invalid_api_key|invalid_authentication_error|authentication_error"
                    + "|unauthenticated|invalid_key|invalid_token)\\b|invalid[ _-]?(x-)?api[ _-]?key|incorrect api key|api key not valid"
                    + "|invalid (authentication|auth|bearer token|token|credentials?)\\b|authentication fail|no auth credentials"
                    + "|token seems invalid|(api|access|auth|bearer) token (is )?(invalid|not valid)|missing (an |the )?api key|no api key|api key (is )?(required|missing|not found)|user not found"
                    + "|unauthori[sz]ed|not authenticated|unregistered callers|身份验证失败|鉴权失败|认证失败|非法|令牌无效|无效的?\\s*api.?key"),
            Rule.of(ReasonCode.RATE_LIMITED, "rate[ _-]?limit|too many (requests|concurrent)|requests per (second|minute|min|hour|day)"
                    + "|tokens per (minute|min|day)|\\b(rpm|tpm|rpd|tpd)\\b|quota exceeded|exceeded [^.]{0,30}quota|usage limit"
                    + "|concurren|请求过多|并发|频率|限流|速率"),
            Rule.of(ReasonCode.OVERLOADED, "overloaded|high demand|temporarily unavailable|service unavailable|currently unavailable"
                    + "|over capacity|no capacity|server is busy|服务繁忙|繁忙|过载"),
            Rule.of(ReasonCode.TIMEOUT, "timed out|\\btimeout\\b|deadline exceeded"),
            Rule.of(ReasonCode.PERMISSION_DENIED, "\\b(permission_denied|permission_error|forbidden)\\b|permission|not allowed"
                    + "|access denied|not authori[sz]ed|无权限|没有权限"));

    private static final String[] REQUEST_ID_HEADERS = {"request-id", "x-request-id", "x-requestid", "openai-request-id",
            "x-amzn-requestid", "x-amz-request-id", "apim-request-id", "x-ms-request-id"};

    private ProbeClassifier() {
    }

    public static ProbeOutcome classify(HttpExchange.Response response, ApiStyle style, long nowMs) {
        int status = response.status();
        if (status >= 300 && status < 400) {
            return ProbeOutcome.failed(ReasonCode.REDIRECT,
                    "HTTP " + status + " redirect not followed (credentials are never sent to another URL)");
        }
        if (status >= 200 && status < 300) {
            return successBody(response, style, nowMs);
        }
        ErrorEnvelope envelope = ErrorEnvelope.read(response.body());
        ReasonCode reason = meaning(envelope);
        if (reason == null) {
            reason = byStatus(status, envelope);
        }
        return outcome(reason, "HTTP " + status, envelope, response, nowMs);
    }

    /** A 2xx: an answer of the API's shape is ok (a reply cut by the token cap still proves the key); an error inside is that error. */
    private static ProbeOutcome successBody(HttpExchange.Response response, ApiStyle style, long nowMs) {
        if (response.truncated()) {
            return ProbeOutcome.failed(ReasonCode.RESPONSE_TOO_LARGE, "response body exceeds the size cap; not a completion");
        }
        String body = response.body() == null ? "" : response.body();
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            return ProbeOutcome.failed(ReasonCode.MALFORMED_RESPONSE, "malformed JSON in the success response");
        }
        if (json == null || !json.isObject()) {
            return ProbeOutcome.failed(ReasonCode.MALFORMED_RESPONSE, "unexpected success response (not a JSON object)");
        }
        String expected = switch (style) {
            case OPENAI_RESPONSES -> "output";
            case ANTHROPIC_MESSAGES -> "content";
            case GOOGLE_GENERATIVE_AI -> "candidates";
            default -> "choices";
        };
        if (json.has(expected) || style == ApiStyle.GOOGLE_GENERATIVE_AI && json.has("promptFeedback")) {
            return ProbeOutcome.ok();
        }
        ErrorEnvelope envelope = ErrorEnvelope.read(body);
        if (envelope.error()) {
            ReasonCode reason = meaning(envelope);
            if (reason == null) {
                int embedded = embeddedStatus(json);
                // A 200 saying "error" without a status or a known meaning rejected the request itself.
                reason = embedded == 0 ? ReasonCode.BAD_REQUEST : byStatus(embedded, envelope);
            }
            return outcome(reason, "HTTP " + response.status() + " with an error", envelope, response, nowMs);
        }
        return ProbeOutcome.failed(ReasonCode.MALFORMED_RESPONSE, "unexpected success response (no \"" + expected + "\")");
    }

    /** What the payload says, or null when it says nothing the rules know. */
    static ReasonCode meaning(ErrorEnvelope envelope) {
        if (envelope.html()) {
            return null; // a page from whatever stands in front of the API: its words are not the provider's
        }
        ReasonCode reason = first(OVERRIDES, envelope.message());
        if (reason == null) {
            reason = first(CODES, envelope.signals());
        }
        if (reason == null) {
            reason = first(DECISIVE, envelope.message());
        }
        if (reason == null) {
            reason = first(LIKELY, envelope.signals() + " " + envelope.message());
        }
        return reason;
    }

    private static ReasonCode first(List<Rule> rules, String text) {
        if (text.isEmpty()) {
            return null;
        }
        for (Rule rule : rules) {
            if (rule.pattern().matcher(text).find()) {
                return rule.reason();
            }
        }
        return null;
    }

    private static ReasonCode byStatus(int status, ErrorEnvelope envelope) {
        if (envelope.html() && (status == 403 || status == 451 || status == 406)) {
            return ReasonCode.BLOCKED_BY_CDN;
        }
        return switch (status) {
            case 401 -> ReasonCode.INVALID_KEY;
            case 402 -> ReasonCode.INSUFFICIENT_CREDITS;
            case 403 -> ReasonCode.PERMISSION_DENIED;
            case 404 -> ReasonCode.HTTP_ERROR;
            case 408, 504 -> ReasonCode.TIMEOUT;
            case 429 -> ReasonCode.RATE_LIMITED;
            case 503, 529 -> ReasonCode.OVERLOADED;
            case 400, 413, 422 -> ReasonCode.BAD_REQUEST;
            default -> status >= 500 ? ReasonCode.SERVER_ERROR : ReasonCode.HTTP_ERROR;
        };
    }

    /** An error envelope inside a 200 may name an HTTP-like status ({@code "code": 429}). */
    private static int embeddedStatus(JsonNode json) {
        for (JsonNode n : List.of(json.path("error").path("code"), json.path("code"), json.path("status"))) {
            if (n.canConvertToInt() && n.asInt() >= 400 && n.asInt() < 600) {
                return n.asInt();
            }
        }
        return 0;
    }

    private static ProbeOutcome outcome(ReasonCode reason, String prefix, ErrorEnvelope envelope,
                                        HttpExchange.Response response, long nowMs) {
        String message = envelope.message();
        if (envelope.html()) {
            message = (message.isEmpty() ? "an HTML page" : message) + " (an HTML page, not the API: a CDN or proxy answered)";
        }
        Long retryAfter = null;
        if (reason.status() == ProbeStatus.RATE_LIMIT) {
            retryAfter = RetryHint.fromHeaders(response.headers(), nowMs);
            if (retryAfter == null) {
                retryAfter = envelope.retryDelayMs();
            }
        }
        return new ProbeOutcome(reason.status(), reason, message.isEmpty() ? prefix : prefix + ": " + message,
                requestId(response, envelope), retryAfter);
    }

    private static String requestId(HttpExchange.Response response, ErrorEnvelope envelope) {
        for (String header : REQUEST_ID_HEADERS) {
            String id = response.header(header);
            if (id != null && !id.isBlank()) {
                return id.trim();
            }
        }
        return envelope.requestId();
    }

    /** One line, at most {@link #MAX_ERROR_CHARS}: cut at the last sentence end that fits, else at a word. */
    public static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = ErrorEnvelope.oneLine(text);
        if (oneLine.length() <= MAX_ERROR_CHARS) {
            return oneLine;
        }
        String head = oneLine.substring(0, MAX_ERROR_CHARS);
        int sentence = Math.max(Math.max(head.lastIndexOf(". "), head.lastIndexOf("! ")),
                Math.max(head.lastIndexOf("? "), head.lastIndexOf("。")));
        if (sentence >= MAX_ERROR_CHARS / 3) {
            return head.substring(0, sentence + 1) + " …";
        }
        int space = head.lastIndexOf(' ');
        return (space >= MAX_ERROR_CHARS / 2 ? head.substring(0, space) : head) + "…";
    }
}
