package dev.nemo.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.auth.CredentialKind;
import dev.nemo.providers.ApiStyle;
import dev.nemo.providers.ProviderDefinition;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The zero-token check of each built-in provider that has one ({@code --probe-mode free|auto};
 * README "Free checks" cites each endpoint): a call that needs a valid credential but spends no
 * token — a model list, key info, a balance or a whoami. A success proves the credential is
 * accepted (and, where the answer says so, that credit is left); it never proves that a given
 * model answers. Providers whose model list needs no key (OpenRouter's, NVIDIA's, Venice's,
 * Chutes'), local servers and custom providers have no free check: a public list would pass
 * any key.
 */
public final class FreeChecks {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ANTHROPIC_VERSION = "2023-06-01";

    /** How a check's URL is made from the provider's base URL. */
    enum Where { BASE, ORIGIN, ANTHROPIC, HUGGING_FACE }

    /**
     * One provider's check: what it calls ({@code name}, for the table), where, how its 2xx answer
     * is read, and what a success proves.
     */
    public record FreeCheck(String name, String proves, String path, Where where, Reading reading) {
    }

    /** What a 2xx answer of a check must look like, and which facts it gives. */
    enum Reading { MODEL_LIST, OPENROUTER_KEY, DEEPSEEK_BALANCE, MOONSHOT_BALANCE, XAI_KEY, HF_WHOAMI }

    private static final FreeCheck MODEL_LIST = new FreeCheck("model list", "key valid", "/models", Where.BASE, Reading.MODEL_LIST);

    /** Provider id → its check. Each endpoint and answer shape is cited in the README's table. */
    private static final Map<String, FreeCheck> CHECKS = Map.ofEntries(
            Map.entry("openai", new FreeCheck("model list", "key valid, organisation and project active", "/models",
                    Where.BASE, Reading.MODEL_LIST)),
            Map.entry("anthropic", new FreeCheck("model list", "API key valid", "/models?limit=1", Where.ANTHROPIC,
                    Reading.MODEL_LIST)),
            Map.entry("google", new FreeCheck("model list", "key valid, Generative Language API enabled", "/models?pageSize=1",
                    Where.BASE, Reading.MODEL_LIST)),
            Map.entry("openrouter", new FreeCheck("key info", "key valid; spending limit and what is left of it", "/key",
                    Where.BASE, Reading.OPENROUTER_KEY)),
            Map.entry("deepseek", new FreeCheck("balance", "key valid; balance left", "/user/balance", Where.ORIGIN,
                    Reading.DEEPSEEK_BALANCE)),
            Map.entry("moonshot", new FreeCheck("balance", "key valid; balance left", "/users/me/balance", Where.BASE,
                    Reading.MOONSHOT_BALANCE)),
            Map.entry("xai", new FreeCheck("key info", "key valid, not blocked or disabled, team not blocked", "/api-key",
                    Where.BASE, Reading.XAI_KEY)),
            Map.entry("huggingface", new FreeCheck("whoami", "token valid; whose it is", "/api/whoami-v2", Where.HUGGING_FACE,
                    Reading.HF_WHOAMI)),
            Map.entry("groq", MODEL_LIST),
            Map.entry("mistral", MODEL_LIST),
            Map.entry("together", MODEL_LIST),
            Map.entry("cerebras", MODEL_LIST));

    private FreeChecks() {
    }

    /**
     * The free check for {@code provider} and a credential of kind {@code mode}, if it has one.
     * Anthropic's model list refuses subscription and setup tokens (only API keys may list), so
     * those have none.
     */
    public static Optional<FreeCheck> of(ProviderDefinition provider, CredentialKind mode, String credential) {
        if (provider == null || provider.baseUrl() == null) {
            return Optional.empty();
        }
        if (provider.id().equals("anthropic") && (mode != CredentialKind.API_KEY || credential != null && credential.contains("sk-ant-oat"))) {
            return Optional.empty();
        }
        return Optional.ofNullable(CHECKS.get(provider.id()));
    }

    /** What {@code provider}'s free check calls ({@code model list}, {@code key info}, {@code balance}, {@code whoami}), if it has one. */
    public static Optional<String> name(String provider) {
        return Optional.ofNullable(CHECKS.get(provider)).map(FreeCheck::name);
    }

    /** The GET that checks {@code target}'s credential for free, and how its answer is read. */
    static ProbeJob job(ProbeTarget target) {
        FreeCheck check = of(target.provider(), target.mode(), target.credential()).orElseThrow(
                () -> new IllegalStateException("no free check for " + target.provider().id()));
        ProviderDefinition provider = target.provider();
        Map<String, String> headers = new LinkedHashMap<>(provider.headers());
        headers.put("accept", "application/json");
        switch (provider.id()) {
            case "anthropic" -> {
                headers.put("x-api-key", target.credential());
                headers.put("anthropic-version", ANTHROPIC_VERSION);
            }
            case "google" -> headers.put("x-goog-api-key", target.credential());
            default -> headers.put("authorization", "Bearer " + target.credential());
        }
        ApiStyle style = provider.api() != null ? provider.api() : ApiStyle.OPENAI_COMPLETIONS;
        URI url = url(provider.baseUrl(), check);
        return new ProbeJob(provider.id(), ProbeRequest.get(url, headers), style, ProbeJob.BodyCheck.ANY, target.credential(),
                (response, now) -> read(check, url, response, style, now));
    }

    static URI url(String baseUrl, FreeCheck check) {
        String base = baseUrl.trim().replaceAll("/+$", "");
        return URI.create(switch (check.where()) {
            case BASE -> base + check.path();
            case ANTHROPIC -> base + (base.endsWith("/v1") ? "" : "/v1") + check.path();
            case ORIGIN -> origin(base) + check.path();
            // The whoami lives on the Hub, not on the inference router: router.huggingface.co → huggingface.co.
            case HUGGING_FACE -> origin(base).replaceFirst("//router\\.huggingface\\.co", "//huggingface.co") + check.path();
        });
    }

    private static String origin(String base) {
        URI uri = URI.create(base);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** An error answer reads as a completion's would; a 2xx must have the check's shape. */
    static ProbeOutcome read(FreeCheck check, URI url, HttpExchange.Response response, ApiStyle style, long nowMs) {
        if (response.status() < 200 || response.status() >= 300) {
            return ProbeClassifier.classify(response, style, nowMs);
        }
        String body = response.body() == null ? "" : response.body().strip();
        if (response.truncated()) {
            // A long model list cut at the size cap still proves the key was accepted; facts need the whole answer.
            return check.reading() == Reading.MODEL_LIST && (body.startsWith("{") || body.startsWith("["))
                    ? ProbeOutcome.ok()
                    : ProbeOutcome.failed(ReasonCode.RESPONSE_TOO_LARGE, "response body exceeds the size cap");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (Exception e) {
            json = null;
        }
        if (json == null || !(json.isObject() || json.isArray())) {
            return ProbeOutcome.failed(ReasonCode.MALFORMED_RESPONSE, "unexpected answer from the " + check.name() + " endpoint (not JSON)");
        }
        return switch (check.reading()) {
            case MODEL_LIST -> json.isArray() || json.has("data") || json.has("models") ? ProbeOutcome.ok()
                    : notShaped(check, response, style, nowMs);
            case OPENROUTER_KEY -> openRouterKey(json.path("data"), check, response, style, nowMs);
            case DEEPSEEK_BALANCE -> deepSeekBalance(json, check, response, style, nowMs);
            case MOONSHOT_BALANCE -> moonshotBalance(json, moonshotCurrency(url), check, response, style, nowMs);
            case XAI_KEY -> xaiKey(json, check, response, style, nowMs);
            case HF_WHOAMI -> json.hasNonNull("name") ? ProbeOutcome.ok().withAccount(huggingFace(json))
                    : notShaped(check, response, style, nowMs);
        };
    }

    /** A 2xx without the expected fields: an error envelope inside it, else not this API's answer. */
    private static ProbeOutcome notShaped(FreeCheck check, HttpExchange.Response response, ApiStyle style, long nowMs) {
        if (ErrorEnvelope.read(response.body()).error()) {
            ProbeOutcome classified = ProbeClassifier.classify(response, style, nowMs);
            if (classified.status() != ProbeStatus.OK) {
                return classified;
            }
        }
        return ProbeOutcome.failed(ReasonCode.MALFORMED_RESPONSE, "unexpected answer from the " + check.name() + " endpoint");
    }

    /** OpenRouter {@code GET /key}: {@code data.{limit, limit_remaining, usage, is_free_tier}}; its {@code label} is part of the key. */
    private static ProbeOutcome openRouterKey(JsonNode data, FreeCheck check, HttpExchange.Response response, ApiStyle style,
                                              long nowMs) {
        if (!data.isObject()) {
            return notShaped(check, response, style, nowMs);
        }
        Account account = new Account(null, null, decimal(data.path("limit_remaining")), decimal(data.path("limit")),
                decimal(data.path("usage")), "USD", data.path("is_free_tier").isBoolean() ? data.path("is_free_tier").asBoolean() : null);
        RateLimit keyLimit = openRouterWindow(account, data.path("limit_reset").asText(null));
        if (account.limit() != null && account.balance() != null && account.balance() <= 0) {
            return new ProbeOutcome(ReasonCode.SPEND_LIMIT.status(), ReasonCode.SPEND_LIMIT, "the key's spending limit is used up (limit "
                    + money(account.limit(), "USD") + ")", null, null, keyLimit, null).withAccount(account);
        }
        return new ProbeOutcome(ProbeStatus.OK, null, null, null, null, keyLimit, null).withAccount(account);
    }

    /**
     * An OpenRouter key limit as a usage window: the share of {@code limit} spent, named by its
     * {@code limit_reset} ({@code daily}, {@code weekly}, {@code monthly}; {@code limit} when it
     * never resets). A key without a limit has no window.
     */
    private static RateLimit openRouterWindow(Account account, String limitReset) {
        if (account.limit() == null || account.limit() <= 0) {
            return null;
        }
        Double spent = account.balance() != null ? account.limit() - account.balance() : account.used();
        if (spent == null) {
            return null;
        }
        String window = limitReset == null ? "limit" : switch (limitReset) {
            case "daily" -> "day";
            case "weekly" -> "week";
            case "monthly" -> "month";
            default -> limitReset;
        };
        double used = RateLimitHeaders.round(Math.max(0, Math.min(100, spent * 100 / account.limit())));
        return new RateLimit(null, null, java.util.List.of(new UsageWindow(window, used, null, null)));
    }

    /** DeepSeek {@code GET /user/balance}: {@code is_available} and {@code balance_infos[]} per currency (USD first). */
    private static ProbeOutcome deepSeekBalance(JsonNode json, FreeCheck check, HttpExchange.Response response, ApiStyle style,
                                                long nowMs) {
        if (!json.has("is_available")) {
            return notShaped(check, response, style, nowMs);
        }
        JsonNode chosen = null;
        for (JsonNode info : json.path("balance_infos")) {
            if (chosen == null || "USD".equals(info.path("currency").asText())) {
                chosen = info;
            }
        }
        Account account = chosen == null ? null : new Account(null, null, decimal(chosen.path("total_balance")), null, null,
                chosen.path("currency").asText(null), null);
        if (!json.path("is_available").asBoolean(true)) {
            return ProbeOutcome.failed(ReasonCode.INSUFFICIENT_CREDITS, "the balance does not cover API calls (is_available: false)")
                    .withAccount(account);
        }
        return ProbeOutcome.ok().withAccount(account);
    }

    /** Moonshot {@code GET /v1/users/me/balance}: {@code data.available_balance}, USD on api.moonshot.ai, CNY on .cn. */
    private static ProbeOutcome moonshotBalance(JsonNode json, String currency, FreeCheck check, HttpExchange.Response response,
                                                ApiStyle style, long nowMs) {
        Double available = decimal(json.path("data").path("available_balance"));
        if (available == null) {
            return notShaped(check, response, style, nowMs);
        }
        Account account = new Account(null, null, available, null, null, currency, null);
        if (available <= 0) {
            return ProbeOutcome.failed(ReasonCode.INSUFFICIENT_CREDITS, "no balance left (available_balance "
                    + available + ")").withAccount(account);
        }
        return ProbeOutcome.ok().withAccount(account);
    }

    /** The answer has no currency field: the documented hosts are priced in USD (.ai) and CNY (.cn). */
    private static String moonshotCurrency(URI url) {
        String host = url.getHost() == null ? "" : url.getHost();
        return host.endsWith(".cn") ? "CNY" : host.endsWith(".ai") ? "USD" : null;
    }

    /** xAI {@code GET /v1/api-key}: blocked or disabled flags, the key's name and team; never {@code redacted_api_key}. */
    private static ProbeOutcome xaiKey(JsonNode json, FreeCheck check, HttpExchange.Response response, ApiStyle style, long nowMs) {
        if (!json.has("api_key_blocked") && !json.has("api_key_disabled")) {
            return notShaped(check, response, style, nowMs);
        }
        Account account = new Account(json.path("name").asText(null), json.path("team_id").asText(null), null, null, null, null, null);
        if (json.path("team_blocked").asBoolean(false)) {
            return ProbeOutcome.failed(ReasonCode.ACCOUNT_DISABLED, "the key's team is blocked").withAccount(account);
        }
        if (json.path("api_key_blocked").asBoolean(false)) {
            return ProbeOutcome.failed(ReasonCode.REVOKED_KEY, "the key is blocked").withAccount(account);
        }
        if (json.path("api_key_disabled").asBoolean(false)) {
            return ProbeOutcome.failed(ReasonCode.REVOKED_KEY, "the key is disabled").withAccount(account);
        }
        return ProbeOutcome.ok().withAccount(account);
    }

    /** Hugging Face {@code GET /api/whoami-v2}: the user (or org, app) name and its organisations; not the email. */
    private static Account huggingFace(JsonNode json) {
        StringJoiner orgs = new StringJoiner(", ");
        json.path("orgs").forEach(o -> {
            if (o.hasNonNull("name")) {
                orgs.add(o.path("name").asText());
            }
        });
        return new Account(json.path("name").asText(null), orgs.length() == 0 ? null : orgs.toString(), null, null, null, null, null);
    }

    /** A number, or a number in a string (DeepSeek sends {@code "110.00"}); null otherwise. */
    static Double decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String money(double amount, String currency) {
        String n = String.format(Locale.ROOT, "%.2f", amount);
        return "USD".equals(currency) ? "$" + n : currency == null ? n : n + " " + currency;
    }
}
