package dev.nemo.output;

import dev.nemo.probe.Account;
import dev.nemo.probe.HeadroomGate;
import dev.nemo.probe.RateLimit;
import dev.nemo.probe.UsageWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Headroom, account facts and usage windows as short text: {@code req 4.9k/5k · tok 79k/80k},
 * {@code 5h 62% left (resets 14:00) · week 80% left}, {@code $37.60 of $50.00 left}.
 */
public final class HeadroomText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private HeadroomText() {
    }

    /** The Headroom cell of a probe row: budgets, then windows; empty when nothing was told. */
    public static String of(RateLimit rl) {
        if (rl == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        budget(parts, "req", rl.requests());
        budget(parts, "tok", rl.tokens());
        if (rl.windows() != null) {
            rl.windows().forEach(w -> parts.add(window(w, false, 0, null)));
        }
        return String.join(" · ", parts);
    }

    private static void budget(List<String> parts, String kind, RateLimit.Budget b) {
        if (b == null || b.remaining() == null) {
            return;
        }
        String name = b.per() == null ? kind : kind + "/" + (b.per().equals("minute") ? "min" : b.per());
        parts.add(name + " " + count(b.remaining()) + (b.limit() == null ? " left" : "/" + count(b.limit())));
    }

    /**
     * One usage window: {@code 5h 62% left}, with {@code (resets 14:00)} when {@code withReset}
     * ({@code Tue 09:00} beyond a day from {@code nowMs}, in {@code zone}).
     */
    public static String window(UsageWindow w, boolean withReset, long nowMs, ZoneId zone) {
        String name = switch (w.window()) {
            case "7d" -> "week";
            default -> w.window().startsWith("7d ") ? "week " + w.window().substring(3) : w.window();
        };
        String left = w.leftPercent() == null ? "?" : HeadroomGate.percent(Math.round(w.leftPercent() * 10) / 10.0);
        String text = name + " " + left + " left";
        if (withReset && w.resetAt() != null) {
            Instant at = Instant.ofEpochMilli(w.resetAt());
            DateTimeFormatter f = w.resetAt() - nowMs > 24 * 3_600_000L ? DAY_TIME : TIME;
            text += " (resets " + f.format(at.atZone(zone)) + ")";
        }
        return text;
    }

    /** Account facts: {@code $37.60 of $50.00 left}, {@code balance 110.00 CNY}, {@code user alice (orgs: acme)}. */
    public static String account(Account a) {
        if (a == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (a.balance() != null && a.limit() != null) {
            parts.add(money(a.balance(), a.currency()) + " of " + money(a.limit(), a.currency()) + " left");
        } else if (a.balance() != null) {
            parts.add("balance " + money(a.balance(), a.currency()));
        } else if (a.used() != null) {
            parts.add(money(a.used(), a.currency()) + " used, no limit");
        }
        if (a.name() != null) {
            parts.add(a.name() + (a.organization() != null ? " (" + a.organization() + ")" : ""));
        } else if (a.organization() != null) {
            parts.add(a.organization());
        }
        if (Boolean.TRUE.equals(a.freeTier())) {
            parts.add("free tier");
        }
        return String.join(" · ", parts);
    }

    static String money(double amount, String currency) {
        String n = String.format(Locale.ROOT, "%.2f", amount);
        return currency == null ? n : "USD".equals(currency) ? "$" + n : n + " " + currency;
    }

    /** {@code 999}, {@code 4.9k}, {@code 79k}, {@code 1.2M}: three significant figures at most. */
    static String count(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        if (n < 10_000) {
            return trim(String.format(Locale.ROOT, "%.1f", Math.floor(n / 100.0) / 10.0)) + "k";
        }
        if (n < 1_000_000) {
            return (n / 1000) + "k";
        }
        if (n < 10_000_000) {
            return trim(String.format(Locale.ROOT, "%.1f", Math.floor(n / 100_000.0) / 10.0)) + "M";
        }
        return (n / 1_000_000) + "M";
    }

    private static String trim(String decimal) {
        return decimal.endsWith(".0") ? decimal.substring(0, decimal.length() - 2) : decimal;
    }
}
