package dev.boomer.adapter.ai.photo;

import javax.imageio.ImageReader;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Photos are decoded on a fixed number of threads, however many arrive at once, so that a burst of large
 * or hostile images queues here instead of taking every core from the rest of the server. A decode that
 * runs past its time is stopped through {@link ImageReader#abort()}: ImageIO readers ignore interrupts,
 * but poll the abort flag between rows.
 */
final class DecodePool implements AutoCloseable {

    private final ExecutorService decoders;
    private final ScheduledExecutorService watchdog;

    DecodePool(int threads) {
        this.decoders = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("photo-decode-", 1)
                .factory());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("photo-decode-watchdog").factory());
    }

    /** Runs the work on a decode thread and waits for it. */
    <T> T run(Callable<T> work) {
        Future<T> running = decoders.submit(work);
        try {
            return running.get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException unchecked ? unchecked
                    : new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a photo was decoded", interrupted);
        }
    }

    /** Aborts the reader once {@code limit} has passed, unless the watch is closed first. */
    Watch watch(ImageReader reader, Duration limit) {
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            fired.set(true);
            reader.abort();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        return new Watch(alarm, fired);
    }

    @Override
    public void close() {
        decoders.shutdownNow();
        watchdog.shutdownNow();
    }

    record Watch(ScheduledFuture<?> alarm, AtomicBoolean fired) implements AutoCloseable {

        /** Whether the reader was aborted: what it returned is then incomplete. */
        boolean expired() {
            return fired.get();
        }

        @Override
        public void close() {
            alarm.cancel(false);
        }
    }
}
