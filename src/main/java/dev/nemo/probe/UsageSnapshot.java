package dev.nemo.probe;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One credential's usage ({@code auth.usage[]} in JSON; the seed's "usage headers"): where it
 * came from ({@code usage endpoint}, or {@code probe} when a probe's headers told the windows),
 * its windows and account facts, and unless {@code ok} why it could not be had. A failed fetch
 * is a row, never a failed command.
 */
@RegisterForReflection
public record UsageSnapshot(String provider, String profileId, String label, String source, List<UsageWindow> windows,
                            Account account, ProbeStatus status, ReasonCode reasonCode, String error) {
    public static final String FROM_ENDPOINT = "usage endpoint";
    public static final String FROM_PROBE = "probe";

    public boolean ok() {
        return status == ProbeStatus.OK;
    }
}
