package dev.cairn.cli;

/** The command line is wrong; the message says how, and the command answers with its usage and exit code 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
