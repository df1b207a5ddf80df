package dev.cairn.deploy.inference;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for predictions. {@link UUID#randomUUID()} draws from one shared {@code SecureRandom},
 * which serialises request threads under load; an id that only has to be unique, not unguessable, can come from
 * each thread's own generator.
 */
final class PredictionIds {

    private PredictionIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
