package dev.cairn.cli.auth;

import java.io.IOException;
import java.time.Duration;

import dev.cairn.cli.api.Authorization;
import dev.cairn.cli.stack.KeycloakTokens;
import dev.cairn.cli.stack.KeycloakTokens.Token;

/**
 * A bearer token that is fetched again a minute before it expires, so a command that outlasts one token (a
 * {@code run --wait} of half an hour against 5-minute tokens) keeps going. Both grants are cheap to repeat, so it
 * repeats the grant rather than keeping a refresh token.
 */
public final class BearerTokens implements Authorization {
    /** Covers the clock skew between here and the API, and a slow request. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final Grant grant;
    private final String who;
    private Token current;

    private BearerTokens(Grant grant, String who) {
        this.grant = grant;
        this.who = who;
    }

    /** CI: a confidential client's service account. */
    public static BearerTokens clientCredentials(String issuer, String clientId, String clientSecret) {
        var tokens = new KeycloakTokens(issuer);
        return new BearerTokens(() -> tokens.clientCredentials(clientId, clientSecret), "client " + clientId + " at " + issuer);
    }

    /** A person at a terminal, through a public client such as {@code cairn-cli}. */
    public static BearerTokens password(String issuer, String clientId, String user, String password) {
        var tokens = new KeycloakTokens(issuer);
        return new BearerTokens(() -> tokens.password(clientId, user, password), "user " + user + " at " + issuer);
    }

    @Override
    public synchronized String header() throws IOException, InterruptedException {
        if (current == null || current.expiresWithin(RENEW_BEFORE_EXPIRY)) {
            current = grant.fetch();
        }
        return "Bearer " + current.accessToken();
    }

    @Override
    public synchronized void refused() {
        current = null;
    }

    /** Who the commands act as, e.g. "client cairn-ci at http://...", for the first line of their output. */
    public String who() {
        return who;
    }

    @Override
    public String toString() {
        return "BearerTokens[" + who + "]";
    }

    @FunctionalInterface
    private interface Grant {
        Token fetch() throws IOException, InterruptedException;
    }
}
