package dev.nemo.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nemo.NemoException;
import dev.nemo.config.AgentContext;
import dev.nemo.config.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthStoreReaderTest {
    @TempDir
    Path agentDir;
    private final List<String> warnings = new ArrayList<>();

    private AuthStore read(Map<String, String> vars) {
        Map<String, String> all = new HashMap<>(vars);
        all.put("HOME", agentDir.toString());
        all.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return new AuthStoreReader(new Environment(all), warnings::add)
                .read(new AgentContext("main", agentDir, false, null));
    }

    private void store(String json) throws Exception {
        Files.writeString(agentDir.resolve("auth-profiles.json"), json);
    }

    private void pi(String json) throws Exception {
        Files.writeString(agentDir.resolve("auth.json"), json);
    }

    @Test
    void noFilesIsAnEmptyStore() {
        AuthStore s = read(Map.of());
        assertEquals(AuthStore.Source.NONE, s.source());
        assertTrue(s.profiles().isEmpty());
    }

    @Test
    void readsTheThreeCredentialTypes() throws Exception {
        store("""
                {"version": 1, "profiles": {
                  "anthropic:default": {"type": "api_key", "provider": "anthropic", "key": "sk-ant-k", "email": "a@x"},
                  "anthropic:manual": {"type": "token", "provider": "anthropic", "token": "sk-ant-oat01-t", "expires": 1767225600000},
                  "openai-codex:me@x": {"type": "oauth", "provider": "openai-codex", "access": "acc", "refresh": "ref", "expires": 5}
                }}""");
        AuthStore s = read(Map.of());
        assertEquals(AuthStore.Source.AUTH_PROFILES, s.source());
        assertEquals(List.of("anthropic:default", "anthropic:manual", "openai-codex:me@x"), List.copyOf(s.profiles().keySet()));
        assertEquals(new Credential.ApiKey("sk-ant-k"), s.profiles().get("anthropic:default").credential());
        assertEquals("a@x", s.profiles().get("anthropic:default").email());
        assertEquals(new Credential.Token("sk-ant-oat01-t", 1767225600000L), s.profiles().get("anthropic:manual").credential());
        Credential.OAuth o = assertInstanceOf(Credential.OAuth.class, s.profiles().get("openai-codex:me@x").credential());
        assertEquals("acc", o.access());
        assertEquals("ref", o.refresh());
        assertEquals(5L, o.expires());
    }

    @Test
    void providerIsNormalised() throws Exception {
        store("{\"profiles\": {\"zai:1\": {\"type\": \"api_key\", \"provider\": \" Z.AI \", \"key\": \"k\"}}}");
        assertEquals("zai", read(Map.of()).profiles().get("zai:1").provider());
    }

    @Test
    void unknownTypeIsDroppedWithAWarning() throws Exception {
        store("{\"profiles\": {\"a:1\": {\"type\": \"password\", \"provider\": \"a\"}, \"a:2\": {\"type\": \"api_key\", \"provider\": \"a\", \"key\": \"k\"}}}");
        AuthStore s = read(Map.of());
        assertEquals(List.of("a:2"), List.copyOf(s.profiles().keySet()));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("a:1") && warnings.get(0).contains("password"), warnings.get(0));
    }

    @Test
    void profileWithoutProviderIsDroppedWithAWarning() throws Exception {
        store("{\"profiles\": {\"a:1\": {\"type\": \"api_key\", \"key\": \"k\"}}}");
        assertTrue(read(Map.of()).profiles().isEmpty());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("a:1"), warnings.get(0));
    }

    @Test
    void orderListsAreTrimmedAndEmptyOnesDropped() throws Exception {
        store("{\"profiles\": {}, \"order\": {\"Anthropic\": [\" a:1 \", \"\", \"  \", \"a:2\"], \"openai\": [\"\", \" \"]}}");
        AuthStore s = read(Map.of());
        assertEquals(Map.of("anthropic", List.of("a:1", "a:2")), s.order());
    }

    @Test
    void versionDefaultsToOne() throws Exception {
        store("{\"profiles\": {}}");
        assertEquals(1, read(Map.of()).version());
    }

    @Test
    void usageStatsAndLastGoodAreRead() throws Exception {
        store("{\"profiles\": {}, \"lastGood\": {\"openai\": \"openai:1\"}, \"usageStats\": {\"openai:1\": "
                + "{\"cooldownUntil\": 10, \"disabledUntil\": 20, \"disabledReason\": \"billing\", \"errorCount\": 2, \"failureCounts\": {\"billing\": 2}}}}");
        AuthStore s = read(Map.of());
        assertEquals("openai:1", s.lastGood().get("openai"));
        UsageStats u = s.usageStats().get("openai:1");
        assertEquals(20, u.unusableUntil());
        assertEquals("disabled", u.unusableKind());
        assertEquals(2, u.failureCounts().get("billing"));
    }

    @Test
    void invalidJsonIsAFailureNamingTheFileWhichIsLeftAsItIs() throws Exception {
        store("{\"profiles\": {");
        byte[] before = Files.readAllBytes(agentDir.resolve("auth-profiles.json"));
        NemoException e = assertThrows(NemoException.class, () -> read(Map.of()));
        assertEquals(NemoException.Kind.FAILURE, e.kind());
        assertTrue(e.getMessage().contains(agentDir.resolve("auth-profiles.json").toString()), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(agentDir.resolve("auth-profiles.json")));
    }

    @Test
    void storeWithoutProfilesObjectIsAFailure() throws Exception {
        store("{\"version\": 1}");
        NemoException e = assertThrows(NemoException.class, () -> read(Map.of()));
        assertTrue(e.getMessage().contains("profiles"), e.getMessage());
    }

    @Test
    void authProfilesJsonWinsOverPiAuthJson() throws Exception {
        store("{\"profiles\": {}}");
        pi("{\"openai\": {\"type\": \"api_key\", \"key\": \"sk-pi\"}}");
        AuthStore s = read(Map.of());
        assertEquals(AuthStore.Source.AUTH_PROFILES, s.source());
        assertTrue(s.profiles().isEmpty());
    }

    @Test
    void piAuthJsonIsReadAsDefaultProfiles() throws Exception {
        pi("""
                {"anthropic": {"type": "api_key", "key": "sk-ant-literal"},
                 "openai-codex": {"type": "oauth", "access": "acc", "refresh": "ref", "expires": 1767225600000}}""");
        AuthStore s = read(Map.of());
        assertEquals(AuthStore.Source.PI_AUTH_JSON, s.source());
        assertEquals(agentDir.resolve("auth.json"), s.path());
        assertEquals(new Credential.ApiKey("sk-ant-literal"), s.profiles().get("anthropic:default").credential());
        assertEquals("anthropic", s.profiles().get("anthropic:default").provider());
        assertInstanceOf(Credential.OAuth.class, s.profiles().get("openai-codex:default").credential());
    }

    @Test
    void piKeyNamingASetEnvironmentVariableResolvesToItsValue() throws Exception {
        pi("{\"openai\": {\"type\": \"api_key\", \"key\": \"MY_OPENAI_KEY\"}}");
        assertEquals("sk-from-env", read(Map.of("MY_OPENAI_KEY", "sk-from-env")).profiles().get("openai:default").credential().secret());
    }

    @Test
    void piKeyNamingAnUnsetVariableIsKeptLiterally() throws Exception {
        pi("{\"openai\": {\"type\": \"api_key\", \"key\": \"MY_OPENAI_KEY\"}}");
        assertEquals("MY_OPENAI_KEY", read(Map.of()).profiles().get("openai:default").credential().secret());
    }

    @Test
    void piKeyStartingWithBangRunsAShellCommandOnlyWhenTheKeyIsNeeded() throws Exception {
        Path ran = agentDir.resolve("ran");
        pi("{\"groq\": {\"type\": \"api_key\", \"key\": \"!touch '" + ran + "'; printf '%s\\\\n' gsk_from_command | tr a-z A-Z\"}}");
        AuthStore store = read(Map.of());
        AuthProfile pending = store.profiles().get("groq:default");
        assertNull(pending.credential().secret());
        assertTrue(pending.hasCredential(), "a key command counts as a credential before it runs");
        assertFalse(Files.exists(ran), "reading the store must not run the command");
        AuthStore resolved = store.withKeyCommandsRun(Environment.current(), p -> true, warnings::add);
        assertEquals("GSK_FROM_COMMAND", resolved.profiles().get("groq:default").credential().secret());
        assertTrue(Files.exists(ran));
    }

    @Test
    void keyCommandsOfProfilesNotNeededDoNotRun() throws Exception {
        Path ran = agentDir.resolve("ran");
        pi("{\"groq\": {\"type\": \"api_key\", \"key\": \"!touch '" + ran + "'; echo k\"}}");
        AuthStore resolved = read(Map.of()).withKeyCommandsRun(Environment.current(), p -> p.provider().equals("openai"), warnings::add);
        assertTrue(resolved.profiles().get("groq:default").hasCredential());
        assertFalse(Files.exists(ran));
    }

    @Test
    void failingPiKeyCommandLeavesTheKeyMissingWithAWarning() throws Exception {
        pi("{\"groq\": {\"type\": \"api_key\", \"key\": \"!echo gsk_partial; exit 3\"}}");
        AuthProfile p = read(Map.of()).withKeyCommandsRun(Environment.current(), x -> true, warnings::add).profiles().get("groq:default");
        assertNull(p.credential().secret());
        assertFalse(p.hasCredential());
        assertEquals(1, warnings.size());
        assertFalse(warnings.get(0).contains("gsk_partial"), warnings.get(0));
    }

    @Test
    void keyCommandInAGroupWritableFileIsSkippedWithOneWarningNamingFileAndReason() throws Exception {
        pi("{\"groq\": {\"type\": \"api_key\", \"key\": \"!echo a\"}, \"xai\": {\"type\": \"api_key\", \"key\": \"!echo b\"}}");
        Files.setPosixFilePermissions(agentDir.resolve("auth.json"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        AuthStore store = read(Map.of());
        assertFalse(store.profiles().get("groq:default").hasCredential());
        assertFalse(store.profiles().get("xai:default").hasCredential());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(agentDir.resolve("auth.json").toString()) && warnings.get(0).contains("writable by its group"),
                warnings.get(0));
    }

    @Test
    void credentialsNeverShowTheirSecretThroughToString() {
        String secret = "sk-ant-api03-Zq8Xw2Lk5Jm9Nb3Vc7Hd1Fg6";
        List<Object> holders = List.of(new Credential.ApiKey(secret), new Credential.Token(secret, 5L),
                new Credential.OAuth(secret, secret + "r", 5L, "c", null, null, null),
                new Credential.ApiKey(null, new KeyCommand("printf " + secret, agentDir)),
                new AuthProfile("a:b", "a", new Credential.ApiKey(secret), null));
        for (Object holder : holders) {
            assertFalse(holder.toString().contains("Zq8Xw2Lk"), holder.toString());
        }
    }

    @Test
    void piAuthJsonIsNeverModified() throws Exception {
        pi("{\"openai\": {\"type\": \"api_key\", \"key\": \"k\"}, \"x\": {\"type\": \"weird\"}}");
        byte[] before = Files.readAllBytes(agentDir.resolve("auth.json"));
        read(Map.of());
        assertArrayEquals(before, Files.readAllBytes(agentDir.resolve("auth.json")));
        assertFalse(Files.exists(agentDir.resolve("auth-profiles.json")));
    }

    @Test
    void corruptPiAuthJsonIsAFailureNamingIt() throws Exception {
        pi("[1, 2]");
        NemoException e = assertThrows(NemoException.class, () -> read(Map.of()));
        assertTrue(e.getMessage().contains("auth.json"), e.getMessage());
    }

    private AuthStore readOver(Path mainDir) {
        Map<String, String> all = new HashMap<>();
        all.put("HOME", agentDir.toString());
        return new AuthStoreReader(new Environment(all), warnings::add)
                .read(new AgentContext("work", agentDir, true, null), new AgentContext("main", mainDir, false, null));
    }

    @Test
    void anAgentIsReadOverTheMainAgentsStore(@TempDir Path mainDir) throws Exception {
        store("""
                {"version": 1, "profiles": {"groq:ci": {"type": "api_key", "provider": "groq", "key": "gsk-own"}}}""");
        Files.writeString(mainDir.resolve("auth-profiles.json"), """
                {"version": 1, "profiles": {"anthropic:default": {"type": "api_key", "provider": "anthropic", "key": "sk-main"}},
                 "order": {"anthropic": ["anthropic:default"]}}""");
        AuthStore s = readOver(mainDir);
        assertEquals(List.of("anthropic:default", "groq:ci"), List.copyOf(s.profiles().keySet()));
        assertTrue(s.inheritsProfile("anthropic:default"));
        assertTrue(s.inheritsOrder("anthropic"));
        assertEquals(agentDir.resolve("auth-profiles.json"), s.path());
        assertEquals(mainDir.resolve("auth-profiles.json"), s.inherited().store().path());
    }

    @Test
    void theMainAgentsPiAuthJsonIsInheritedToo(@TempDir Path mainDir) throws Exception {
        Files.writeString(mainDir.resolve("auth.json"), "{\"openai\": {\"type\": \"api_key\", \"key\": \"sk-pi\"}}");
        AuthStore s = readOver(mainDir);
        assertEquals("sk-pi", s.profiles().get("openai:default").credential().secret());
        assertEquals(AuthStore.Source.NONE, s.source(), "the source is the agent's own");
        assertFalse(Files.exists(agentDir.resolve("auth-profiles.json")), "reading never copies the main agent's profiles");
    }

    @Test
    void theMainAgentReadAsItselfInheritsNothing() throws Exception {
        store("""
                {"version": 1, "profiles": {"groq:ci": {"type": "api_key", "provider": "groq", "key": "gsk-own"}}}""");
        AuthStore s = readOver(agentDir);
        assertNull(s.inherited());
        assertEquals(List.of("groq:ci"), List.copyOf(s.profiles().keySet()));
    }
}
