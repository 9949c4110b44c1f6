package dev.boomer.application.processing;

import dev.boomer.domain.item.Item;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One run of an item: the item as claimed, and the lease holder that claimed it ({@code worker#token}).
 * Every result of the run is written only while that holder still holds the lease; its paid calls carry
 * the token, so that they never collide with another run's.
 */
record Run(Item item, String holder, String token) {

    static String newToken() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
