package dev.cairn.api.registry;

/** An alias as the audit log's {@code before} and {@code after} show it: {@code {"version": 3}}. */
record AliasState(int version) {
}
