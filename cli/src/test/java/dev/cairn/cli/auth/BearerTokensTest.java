package dev.cairn.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cairn.cli.FakePlatform;

class BearerTokensTest {
    private FakePlatform platform;

    @BeforeEach
    void platform() throws Exception {
        platform = new FakePlatform();
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    @Test
    void reusesATokenThatLivesLongEnough() throws Exception {
        // Given
        var tokens = BearerTokens.clientCredentials(platform.issuer(), "cairn-ci", FakePlatform.SECRET);
        tokens.header();
        // When
        String second = tokens.header();
        // Then
        assertThat(second).isEqualTo("Bearer token-1");
        assertThat(platform.tokensIssued()).isEqualTo(1);
    }

    @Test
    void fetchesAnotherTokenWhenTheCurrentOneIsAboutToExpire() throws Exception {
        // Given
        platform.tokenLifetimeSeconds = (int) BearerTokens.RENEW_BEFORE_EXPIRY.toSeconds() - 1;
        var tokens = BearerTokens.clientCredentials(platform.issuer(), "cairn-ci", FakePlatform.SECRET);
        tokens.header();
        // When
        String second = tokens.header();
        // Then
        assertThat(second).isEqualTo("Bearer token-2");
    }

    @Test
    void fetchesAnotherTokenAfterTheApiRefusedOne() throws Exception {
        // Given
        var tokens = BearerTokens.clientCredentials(platform.issuer(), "cairn-ci", FakePlatform.SECRET);
        tokens.header();
        // When
        tokens.refused();
        // Then
        assertThat(tokens.header()).isEqualTo("Bearer token-2");
    }
}
