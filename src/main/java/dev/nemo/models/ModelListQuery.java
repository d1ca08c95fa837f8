package dev.nemo.models;

/** The options of {@code models list}; {@code provider} is already normalised, or null for every provider. */
public record ModelListQuery(boolean all, boolean local, String provider) {
}
