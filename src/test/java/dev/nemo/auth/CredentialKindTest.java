package dev.nemo.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.config.ConfigIssue;
import dev.nemo.config.ConfigParser;
import dev.nemo.json.PrettyJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Credential kinds and expiry states are enums in code and keep their wire names in files and JSON. */
class CredentialKindTest {

    @ParameterizedTest
    @EnumSource(CredentialKind.class)
    void everyKindIsAModeTheConfigAccepts(CredentialKind kind) throws Exception {
        List<ConfigIssue> issues = new ArrayList<>();
        var config = ConfigParser.parse(new ObjectMapper().readTree(
                "{\"auth\": {\"profiles\": {\"p:x\": {\"provider\": \"p\", \"mode\": \"" + kind.wireName() + "\"}}}}"), issues);
        assertThat(issues).isEmpty();
        assertThat(config.auth().profiles().get("p:x").mode()).isEqualTo(kind.wireName());
    }

    @ParameterizedTest
    @EnumSource(CredentialKind.class)
    void everyKindReadsBackFromItsWireName(CredentialKind kind) {
        assertThat(CredentialKind.fromWireName(kind.wireName())).contains(kind);
    }

    @Test
    void jsonCarriesTheWireNames() {
        assertThat(PrettyJson.write(List.of(CredentialKind.values())).replaceAll("\\s", ""))
                .isEqualTo("[\"api_key\",\"token\",\"oauth\"]");
        assertThat(PrettyJson.write(List.of(ProfileHealth.Status.values())).replaceAll("\\s", ""))
                .isEqualTo("[\"ok\",\"expiring\",\"expired\",\"missing\",\"static\"]");
    }

    @Test
    void onlyApiKeysNeverExpire() {
        assertThat(CredentialKind.API_KEY.expires()).isFalse();
        assertThat(CredentialKind.TOKEN.expires()).isTrue();
        assertThat(CredentialKind.OAUTH.expires()).isTrue();
    }
}
