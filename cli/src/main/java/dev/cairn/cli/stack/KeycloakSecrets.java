package dev.cairn.cli.stack;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What realm {@code cairn} leaves out of the repository: the demo users' passwords, the {@code cairn-ci} client
 * secret, and Keycloak's bootstrap administrator. They reach Keycloak as environment variables that the realm file's
 * {@code ${...}} placeholders name, so they are never written into an imported file.
 *
 * @param passwords by user name, one for each of {@link #USERS}
 */
public record KeycloakSecrets(Map<String, String> passwords, String ciClientSecret, String adminUser, String adminPassword) {
    /** The demo users of {@code deploy/keycloak/cairn-realm.json}. */
    public static final List<String> USERS = List.of("ana", "sam", "ada", "cid");
    /** The confidential client whose service account CI uses. */
    public static final String CI_CLIENT = "cairn-ci";

    private static final SecureRandom RANDOM = new SecureRandom();

    public KeycloakSecrets {
        passwords = Map.copyOf(passwords);
        if (!passwords.keySet().containsAll(USERS)) {
            throw new IllegalArgumentException("A password for each of " + USERS + " is needed, got " + passwords.keySet());
        }
    }

    public static KeycloakSecrets generate() {
        var passwords = new LinkedHashMap<String, String>();
        USERS.forEach(user -> passwords.put(user, random()));
        return new KeycloakSecrets(passwords, random(), "admin", random());
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("No demo user " + user + "; the realm has " + USERS);
        }
        return password;
    }

    /** The variables the realm file's placeholders name, plus Keycloak's own for the bootstrap administrator. */
    Map<String, String> environment() {
        var env = new LinkedHashMap<String, String>();
        passwords.forEach((user, password) -> env.put(passwordVariable(user), password));
        env.put("CAIRN_CI_CLIENT_SECRET", ciClientSecret);
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        return env;
    }

    static String passwordVariable(String user) {
        return "CAIRN_PASSWORD_" + user.toUpperCase(java.util.Locale.ROOT);
    }

    /** 144 random bits, URL-safe so they survive properties files, shells and form bodies unquoted. */
    public static String random() {
        var bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "KeycloakSecrets[users=" + passwords.keySet() + ", ciClientSecret=***, adminUser=" + adminUser + ", adminPassword=***]";
    }
}
