package dev.nemo.probe;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One model chain of {@code --probe-chain} ({@code auth.probes.chains[]}): {@code model} (default,
 * then fallbacks) or {@code image} (image model, then image fallbacks), its hops in the order the
 * runtime tries them, the first that works, and the verdict: {@code ok} when the primary works,
 * {@code degraded} when only a fallback does (exit 2 with {@code --check}), {@code down} when no
 * hop does (exit 1).
 */
@RegisterForReflection(targets = {ProbeChain.class, ProbeChain.Hop.class, ProbeChain.Verdict.class})
public record ProbeChain(String chain, Verdict verdict, String firstWorking, List<Hop> hops) {
    static final String MODEL = "model";
    static final String IMAGE = "image";

    /** A hop as the chain shows it; its full row is in {@code results[]}. */
    public record Hop(String hop, String model, String label, ProbeStatus status, ReasonCode reasonCode) {
    }

    public enum Verdict {
        OK("ok", Health.HEALTHY), DEGRADED("degraded", Health.WARNING), DOWN("down", Health.FAILING);

        private final String wireName;
        private final Health health;

        Verdict(String wireName, Health health) {
            this.wireName = wireName;
            this.health = health;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        public Health health() {
            return health;
        }
    }

    /** {@code default}, {@code fallback#1}, …: the hop names of the model chain. */
    static String modelHop(int index) {
        return index == 0 ? "default" : "fallback#" + index;
    }

    /** {@code image}, {@code img-fallback#1}, …: the hop names of the image chain ({@code models list}'s tags). */
    static String imageHop(int index) {
        return index == 0 ? "image" : "img-fallback#" + index;
    }

    static String chainOf(String hop) {
        return hop.equals("image") || hop.startsWith("img-fallback#") ? IMAGE : MODEL;
    }

    /** Runtime order across both chains: the model chain first, each by its index. */
    public static int order(String hop) {
        int index = hop.contains("#") ? Integer.parseInt(hop.substring(hop.indexOf('#') + 1)) : 0;
        return (chainOf(hop).equals(IMAGE) ? 100_000 : 0) + index;
    }

    /** The chains the rows of {@code results} are hops of, or null when none is (no {@code --probe-chain}). */
    static List<ProbeChain> summarize(List<ProbeResult> results) {
        List<ProbeResult> hops = results.stream().filter(r -> r.hop() != null)
                .sorted(Comparator.comparingInt(r -> order(r.hop()))).toList();
        if (hops.isEmpty()) {
            return null;
        }
        List<ProbeChain> chains = new ArrayList<>();
        for (String chain : List.of(MODEL, IMAGE)) {
            List<ProbeResult> own = hops.stream().filter(r -> chainOf(r.hop()).equals(chain)).toList();
            if (own.isEmpty()) {
                continue;
            }
            String firstWorking = own.stream().filter(r -> r.status() == ProbeStatus.OK).map(ProbeResult::hop).findFirst().orElse(null);
            Verdict verdict = firstWorking == null ? Verdict.DOWN : firstWorking.equals(own.get(0).hop()) ? Verdict.OK : Verdict.DEGRADED;
            chains.add(new ProbeChain(chain, verdict, firstWorking, own.stream()
                    .map(r -> new Hop(r.hop(), r.model(), r.label(), r.status(), r.reasonCode())).toList()));
        }
        return List.copyOf(chains);
    }
}
