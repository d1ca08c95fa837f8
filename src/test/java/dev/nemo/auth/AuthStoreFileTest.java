package dev.nemo.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.NemoException;
import dev.nemo.json.LenientJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthStoreFileTest {
    @TempDir
    Path tmp;

    private Path store() {
        return tmp.resolve("agents/main/agent/auth-profiles.json");
    }

    private static boolean addApiKey(ObjectNode tree, String id, String provider, String key) {
        ObjectNode p = ((ObjectNode) tree.get("profiles")).putObject(id);
        p.put("type", "api_key");
        p.put("provider", provider);
        p.put("key", key);
        return true;
    }

    private Path writeStore(String text) throws Exception {
        Path path = store();
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        return path;
    }

    @Test
    void updateCreatesAMissingStoreWithVersionAndProfiles() throws Exception {
        assertTrue(new AuthStoreFile(store()).update(t -> addApiKey(t, "openai:default", "openai", "sk-x")));
        JsonNode root = LenientJson.parse(Files.readString(store()));
        assertEquals(1, root.get("version").asInt());
        assertEquals("sk-x", root.at("/profiles/openai:default/key").asText());
    }

    @Test
    void storeIsWrittenWithMode0600InA0700Directory() throws Exception {
        new AuthStoreFile(store()).update(t -> addApiKey(t, "openai:default", "openai", "sk-x"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store().getParent())));
    }

    @Test
    void rewriteOfAnExisting0644StoreTightensItTo0600() throws Exception {
        Path path = writeStore("{\"version\":1,\"profiles\":{}}");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        new AuthStoreFile(path).update(t -> addApiKey(t, "openai:default", "openai", "sk-x"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    }

    @Test
    void updateUsesASiblingLockFileAndLeavesNoTempFiles() throws Exception {
        new AuthStoreFile(store()).update(t -> addApiKey(t, "openai:default", "openai", "sk-x"));
        try (Stream<Path> files = Files.list(store().getParent())) {
            assertEquals(List.of("auth-profiles.json", "auth-profiles.json.lock"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void writtenKeysFollowThePeersOrder() throws Exception {
        Path path = writeStore("{\"usageStats\":{},\"extra\":1,\"lastGood\":{},\"order\":{},\"profiles\":{},\"version\":1}");
        new AuthStoreFile(path).update(t -> addApiKey(t, "openai:default", "openai", "sk-x"));
        List<String> keys = new ArrayList<>();
        LenientJson.parse(Files.readString(path)).fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("version", "profiles", "order", "lastGood", "usageStats", "extra"), keys);
        assertTrue(Files.readString(path).endsWith("}\n"));
    }

    @Test
    void mutatorReturningFalseWritesNothing() throws Exception {
        assertFalse(new AuthStoreFile(store()).update(t -> false));
        assertFalse(Files.exists(store()));
    }

    @Test
    void mutatorThatThrowsLeavesTheStoreByteForByteIntact() throws Exception {
        Path path = writeStore("{ \"version\": 1, \"profiles\": { \"a:b\": { \"type\": \"api_key\", \"provider\": \"a\", \"key\": \"k\" } } }");
        byte[] before = Files.readAllBytes(path);
        RuntimeException boom = new RuntimeException("boom");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> new AuthStoreFile(path).update(t -> {
            ((ObjectNode) t.get("profiles")).removeAll();
            throw boom;
        }));
        assertSame(boom, thrown);
        assertArrayEquals(before, Files.readAllBytes(path));
    }

    @Test
    void corruptStoreIsRefusedUntouchedAndTheMutatorNeverRuns() throws Exception {
        Path path = writeStore("{\"version\":1,\"profiles\":{\"a:b\":{\"type\":\"api_key\"");
        byte[] before = Files.readAllBytes(path);
        boolean[] called = {false};
        NemoException e = assertThrows(NemoException.class, () -> new AuthStoreFile(path).update(t -> {
            called[0] = true;
            return true;
        }));
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
        assertFalse(called[0]);
        assertArrayEquals(before, Files.readAllBytes(path));
    }

    @Test
    void storeWithoutProfilesObjectIsRefusedUntouched() throws Exception {
        Path path = writeStore("{\"version\":1,\"profiles\":[]}");
        byte[] before = Files.readAllBytes(path);
        assertThrows(NemoException.class, () -> new AuthStoreFile(path).update(t -> true));
        assertArrayEquals(before, Files.readAllBytes(path));
    }

    @Test
    void mutatorThatBreaksTheOutlineIsRefusedAndChangesNothing() throws Exception {
        Path path = writeStore("{\"version\":1,\"profiles\":{}}");
        byte[] before = Files.readAllBytes(path);
        assertThrows(NemoException.class, () -> new AuthStoreFile(path).update(t -> {
            t.put("profiles", "gone");
            return true;
        }));
        assertArrayEquals(before, Files.readAllBytes(path));
    }

    @Test
    void concurrentUpdatesFromSeveralThreadsAllLand() throws Exception {
        int writers = 8;
        Path path = store();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String id = "p" + i + ":default";
                results.add(pool.submit(() -> {
                    start.await();
                    return new AuthStoreFile(path, Duration.ofSeconds(30)).update(t -> addApiKey(t, id, "p" + id.charAt(1), "key-" + id));
                }));
            }
            start.countDown();
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode profiles = LenientJson.parse(Files.readString(path)).get("profiles");
        assertEquals(writers, profiles.size(), profiles.toString());
        for (int i = 0; i < writers; i++) {
            assertEquals("key-p" + i + ":default", profiles.at("/p" + i + ":default/key").asText());
        }
    }

    @Test
    void writeThroughASymlinkReplacesTheTargetAndKeepsTheLink() throws Exception {
        Path real = tmp.resolve("real/auth-profiles.json");
        Files.createDirectories(real.getParent());
        Files.writeString(real, "{\"version\":1,\"profiles\":{}}");
        Path link = store();
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, real);
        new AuthStoreFile(link).update(t -> addApiKey(t, "openai:default", "openai", "sk-x"));
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).contains("openai:default"));
    }
}
