package dev.nemo.cli.completion;

import java.util.List;

/** What the value of an option or a positional parameter completes to. */
public sealed interface ValueKind {
    /** An option without a value. */
    record Flag() implements ValueKind {
    }

    /** A value nothing can guess (a number, a duration, a new id). */
    record Free() implements ValueKind {
    }

    /** A file name. */
    record Files() implements ValueKind {
    }

    /** One of a closed set of words. */
    record Choices(List<String> words) implements ValueKind {
    }

    /** Ids from the user's own config and store, asked of {@code nemo __complete <source>} at completion time. */
    record Dynamic(CompletionSource source) implements ValueKind {
    }
}
