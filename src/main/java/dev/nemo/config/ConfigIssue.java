package dev.nemo.config;

/** One problem in a config file: where (a dotted JSON path) and what. */
public record ConfigIssue(String path, String message) {
    @Override
    public String toString() {
        return (path.isEmpty() ? "<root>" : path) + ": " + message;
    }
}
