package dev.nemo.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoProxyTest {
    @ParameterizedTest(name = "NO_PROXY=\"{0}\", host {1}: bypass {2}")
    @CsvSource(delimiter = '|', value = {
            "*                          | api.openai.com         | true",
            "api.openai.com             | api.openai.com         | true",
            "openai.com                 | api.openai.com         | true",
            ".openai.com                | api.openai.com         | true",
            "*.openai.com               | api.openai.com         | true",
            "openai.com                 | notopenai.com          | false",
            "api.openai.com             | openai.com             | false",
            "OpenAI.com                 | API.openai.COM         | true",
            "example.org, openai.com    | api.openai.com         | true",
            "example.org openai.com     | api.openai.com         | true",
            "openai.com:443             | api.openai.com         | true",
            "10.0.0.0/8                 | 10.1.2.3               | true",
            "10.0.0.0/8                 | 11.1.2.3               | false",
            "192.168.1.0/25             | 192.168.1.127          | true",
            "192.168.1.0/25             | 192.168.1.128          | false",
            "127.0.0.1                  | 127.0.0.1              | true",
            "127.0.0.1                  | 127.0.0.2              | false",
            "10.0.0.0/8                 | ten.example            | false",
            "fd00::/8                   | [fd12::1]              | true",
            "fd00::/8                   | [fe80::1]              | false",
            "[::1]                      | [::1]                  | true",
            "999.0.0.0/8                | 999.1.1.1              | false",
            "''                         | api.openai.com         | false"})
    void bypassesTheHostsItNames(String noProxy, String host, boolean bypass) {
        assertThat(NoProxy.parse(noProxy).bypasses(host)).isEqualTo(bypass);
    }
}
