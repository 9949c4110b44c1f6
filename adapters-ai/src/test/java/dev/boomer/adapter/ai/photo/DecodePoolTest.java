package dev.boomer.adapter.ai.photo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DecodePoolTest {

    @Test
    void noMorePhotosAreDecodedAtOnceThanThePoolHasThreads() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger decoding = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(5);
        try (DecodePool pool = new DecodePool(2)) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(callers.submit(() -> pool.run(() -> {
                    mostAtOnce.accumulateAndGet(decoding.incrementAndGet(), Math::max);
                    release.await();
                    decoding.decrementAndGet();
                    return 1;
                })));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> decoding.get() == 2);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> decoding.get() == 2);
            release.countDown();

            int done = 0;
            for (Future<Integer> call : calls) {
                done += call.get();
            }
            assertThat(done).as("every caller got its answer").isEqualTo(5);
            assertThat(mostAtOnce).hasValue(2);
        } finally {
            callers.shutdownNow();
        }
    }
}
