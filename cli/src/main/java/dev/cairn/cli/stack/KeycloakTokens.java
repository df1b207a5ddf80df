package dev.cairn.cli.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens from an OpenID Connect server's token endpoint (found through its discovery document, so any
 * provider works, not only Keycloak), for the two grants Cairn uses: password for people at a terminal (client
 * {@code cairn-cli}) and client credentials for CI (client {@code cairn-ci}).
 *
 * <pre>{@code
 * var tokens = new KeycloakTokens("http://127.0.0.1:8180/realms/cairn");
 * String bearer = tokens.clientCredentials("cairn-ci", secret).accessToken();
 * JsonNode claims = KeycloakTokens.claims(bearer);   // realm_access.roles, aud, azp, ...
 * }</pre>
 *
 * Thread-safe. Neither secrets nor tokens ever appear in messages or {@code toString}.
 */
public final class KeycloakTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile URI tokenEndpoint;

    /** @param issuer the realm's URL, e.g. {@code http://127.0.0.1:8180/realms/cairn} (a trailing slash is fine) */
    public KeycloakTokens(String issuer) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /** The resource owner password grant, for a person; a public client needs no secret. */
    public Token password(String clientId, String username, String password) throws IOException, InterruptedException {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        return request(form, null, "user " + username + " via client " + clientId);
    }

    /** The client credentials grant, for a confidential client's service account (client_secret_basic). */
    public Token clientCredentials(String clientId, String clientSecret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(clientSecret))
                .getBytes(StandardCharsets.UTF_8));
        return request(Map.of("grant_type", "client_credentials"), "Basic " + basic, "client " + clientId);
    }

    public String issuer() {
        return issuer;
    }

    /** Where Keycloak serves a realm's token endpoint, without asking it. */
    public static String keycloakTokenUrl(String issuer) {
        return issuer + "/protocol/openid-connect/token";
    }

    /** The claims of a JWT, read without verifying its signature: for showing and testing, never for trusting. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT: expected header.payload.signature");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a JWT: the payload is not base64url JSON", e);
        }
    }

    private Token request(Map<String, String> form, String authorization, String who) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(tokenEndpoint()).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"))));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new TokenException(response.statusCode(), "Token request for " + who + " at " + issuer + " refused (HTTP "
                    + response.statusCode() + "): " + body.path("error").asText("no error code")
                    + (body.hasNonNull("error_description") ? ": " + body.get("error_description").asText() : ""));
        }
        long expiresIn = body.path("expires_in").asLong(60);
        return new Token(body.get("access_token").asText(), Instant.now().plusSeconds(expiresIn));
    }

    /** From the discovery document once, since providers place the endpoint differently. */
    private URI tokenEndpoint() throws IOException, InterruptedException {
        if (tokenEndpoint == null) {
            var url = issuer + "/.well-known/openid-configuration";
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode endpoint = parse(response.body()).get("token_endpoint");
            if (response.statusCode() != 200 || endpoint == null) {
                throw new TokenException(response.statusCode(), "No OpenID Connect discovery document at " + url
                        + " (HTTP " + response.statusCode() + "); is " + issuer + " the issuer URL of a realm?");
            }
            tokenEndpoint = URI.create(endpoint.asText());
        }
        return tokenEndpoint;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An access token and when it stops being accepted. */
    public record Token(String accessToken, Instant expiresAt) {
        public boolean expiresWithin(Duration margin) {
            return Instant.now().plus(margin).isAfter(expiresAt);
        }

        public JsonNode claims() {
            return KeycloakTokens.claims(accessToken);
        }

        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }

    /** The server refused the grant (wrong secret, unknown client, grant not enabled) or is not an OIDC issuer. */
    public static final class TokenException extends IOException {
        private final int status;

        TokenException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
