package dev.nemo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProxySettingTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://proxy.corp:3128         | HTTP   | proxy.corp | 3128",
            "proxy.corp:3128                | HTTP   | proxy.corp | 3128",
            "http://proxy.corp              | HTTP   | proxy.corp | 80",
            "socks5://127.0.0.1:1080        | SOCKS5 | 127.0.0.1  | 1080",
            "socks5h://gw                   | SOCKS5 | gw         | 1080",
            "socks4a://gw:9050              | SOCKS4 | gw         | 9050",
            "http://[::1]:8080              | HTTP   | ::1        | 8080",
            "HTTP://Proxy.Corp:3128/        | HTTP   | Proxy.Corp | 3128"})
    void parsesWhatCurlAccepts(String text, ProxySetting.Kind kind, String host, int port) {
        ProxySetting proxy = ProxySetting.parse(text);
        assertThat(proxy.kind()).isEqualTo(kind);
        assertThat(proxy.host()).isEqualTo(host);
        assertThat(proxy.port()).isEqualTo(port);
    }

    @Test
    void credentialsArePercentDecodedAndNeverShown() {
        ProxySetting proxy = ProxySetting.parse("http://alice:p%40ss%3Aword@proxy.corp:3128");
        assertThat(proxy.username()).isEqualTo("alice");
        assertThat(proxy.password()).isEqualTo("p@ss:word");
        assertThat(proxy.toString()).isEqualTo("http://proxy.corp:3128");
    }

    @Test
    void directMeansNoProxy() {
        assertThat(ProxySetting.parse(" Direct ").direct()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://proxy:21", "http://proxy.corp:3128/path", "http://", "http://proxy?x=1"})
    void rejectsWhatIsNotAProxy(String text) {
        assertThatThrownBy(() -> ProxySetting.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected a proxy URL");
    }

    @Test
    void aRejectedValueNeverRepeatsItsPassword() {
        assertThatThrownBy(() -> ProxySetting.parse("ftp://alice:hunter2-secret@proxy:21"))
                .hasMessageNotContaining("hunter2-secret").hasMessageContaining("***@proxy:21");
        assertThatThrownBy(() -> ProxySetting.parse("https://alice:hunter2-secret@proxy:443"))
                .hasMessageStartingWith("https:// proxies are not supported").hasMessageNotContaining("hunter2-secret");
    }
}
