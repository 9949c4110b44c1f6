package dev.boomer.domain.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    private final Redactor redactor = Redactor.withSecrets(List.of("my-ollama-proxy-secret", "short"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "invalid x-api-key: sk-ant-api03-AbCdEf123456_xyz-789 | invalid x-api-key: [redacted]",
            "Incorrect API key provided: sk-proj-abcdefghijklmnop. | Incorrect API key provided: [redacted].",
            "header Authorization: Bearer eyJhbGciOi.JIUzI1NiJ9 rejected | header Authorization: Bearer [redacted] rejected",
            "x-goog-api-key=AIzaSyA1234567890abcdefghijklmnopqrstu | x-goog-api-key=[redacted]",
            "GET https://host/v1beta/models?key=AIzaSyA12345678901234567890&alt=json | GET https://host/v1beta/models?key=[redacted]&alt=json",
            "token bmr_D7jgKsatJYd003AAtqigABGRyoIIbZMOp2oU2UaQA68 refused | token [redacted] refused",
            "jdbc:postgresql://db:5432/boomer?user=boomer&password=hunter2hunter2 | jdbc:postgresql://db:5432/boomer?user=boomer&password=[redacted]",
            "postgres://boomer:hunter2@db:5432/boomer | postgres://boomer:[redacted]@db:5432/boomer",
            "proxy said my-ollama-proxy-secret is wrong | proxy said [redacted] is wrong",
    })
    void credentialsAreRemovedAndTheirLabelsKept(String text, String expected) {
        assertThat(redactor.redact(text)).isEqualTo(expected);
    }

    @Test
    void hashesIdsAndOrdinaryWordsAreLeftAlone() {
        String text = "photo 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 of item"
                + " 0b9f0a8e-6c1f-4c55-9b0e-6d5b1f1d9a3e, cache key=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
                + " is short; a sketch of skis; 429 rate_limit_error";
        assertThat(redactor.redact(text)).isEqualTo(text);
        assertThat(Redactor.shapesOnly().redact(null)).isNull();
    }
}
