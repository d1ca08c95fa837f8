package dev.nemo.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code NO_PROXY} as curl reads it: comma- or space-separated entries, each {@code *} (no proxy
 * for anything), a host name ({@code example.com} also covers its sub-domains; a leading dot or
 * {@code *.} means the same), an IP address, or an IP range in CIDR notation
 * ({@code 10.0.0.0/8}, {@code fd00::/8}). A {@code :port} after an entry is ignored. Nothing here
 * resolves names: an IP entry matches only a URL that is written with that IP.
 */
final class NoProxy {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f:.]+");
    static final NoProxy NONE = new NoProxy(false, List.of(), List.of());

    private final boolean all;
    private final List<String> domains;
    private final List<Cidr> ranges;

    private NoProxy(boolean all, List<String> domains, List<Cidr> ranges) {
        this.all = all;
        this.domains = domains;
        this.ranges = ranges;
    }

    static NoProxy parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        boolean all = false;
        List<String> domains = new ArrayList<>();
        List<Cidr> ranges = new ArrayList<>();
        for (String raw : value.split("[,\\s]+")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                all = true;
                continue;
            }
            Cidr range = Cidr.parse(entry);
            if (range != null) {
                ranges.add(range);
                continue;
            }
            String host = stripPort(entry);
            if (host.startsWith("*.")) {
                host = host.substring(2);
            } else if (host.startsWith(".")) {
                host = host.substring(1);
            }
            if (!host.isEmpty()) {
                domains.add(host);
            }
        }
        return new NoProxy(all, List.copyOf(domains), List.copyOf(ranges));
    }

    /** True when a request to {@code host} (as written in the URL) goes direct. */
    boolean bypasses(String host) {
        if (all) {
            return true;
        }
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String domain : domains) {
            if (h.equals(domain) || h.endsWith("." + domain)) {
                return true;
            }
        }
        if (!ranges.isEmpty()) {
            byte[] address = literalAddress(h);
            if (address != null) {
                for (Cidr range : ranges) {
                    if (range.contains(address)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String stripPort(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close > 0 ? entry.substring(1, close) : entry;
        }
        int colon = entry.indexOf(':');
        // One colon: host:port. Several: an IPv6 address without brackets, kept whole.
        return colon > 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
    }

    /** The bytes of an IP literal, or null for a host name (never a DNS lookup). */
    static byte[] literalAddress(String host) {
        if (IPV4.matcher(host).matches()) {
            String[] parts = host.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        if (host.indexOf(':') != host.lastIndexOf(':') && IPV6_CHARS.matcher(host).matches()) {
            try {
                // In brackets the JDK parses an IPv6 literal or fails; it never looks the text up.
                return InetAddress.getByName("[" + host + "]").getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    /** An address range: the address bytes and how many leading bits must match. */
    private record Cidr(byte[] network, int bits) {
        static Cidr parse(String entry) {
            String e = entry.startsWith("[") ? entry.replace("[", "").replace("]", "") : entry;
            int slash = e.indexOf('/');
            String address = slash < 0 ? e : e.substring(0, slash);
            byte[] bytes = literalAddress(address);
            if (bytes == null) {
                return null;
            }
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(e.substring(slash + 1));
                } catch (NumberFormatException ex) {
                    return null;
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    return null;
                }
            }
            return new Cidr(bytes, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
