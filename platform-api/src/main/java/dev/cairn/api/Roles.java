package dev.cairn.api;

/** The realm roles of DESIGN.md's security section; endpoints name the ones that may call them. */
public final class Roles {
    public static final String DATA_SCIENTIST = "data-scientist";
    public static final String CI = "ci";
    public static final String SRE = "sre";
    public static final String ADMIN = "admin";
    /** May move, delete and roll back protected aliases ({@code cairn.registry.protected-aliases}). */
    public static final String RELEASE_MANAGER = "release-manager";

    private Roles() {
    }
}
