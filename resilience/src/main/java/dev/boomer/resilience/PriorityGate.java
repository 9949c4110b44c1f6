package dev.boomer.resilience;

import dev.boomer.domain.item.Priority;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed number of permits handed out by priority: when callers wait, a freed permit goes to the oldest
 * URGENT one, then NORMAL, then ECONOMY; nobody jumps the queue while others wait. Resilience4j's
 * bulkheads admit in arrival order only, hence this small gate.
 */
public final class PriorityGate {

    private static final Comparator<Waiter> ORDER = Comparator.comparing(Waiter::priority)
            .thenComparingLong(Waiter::arrival);

    private final int permits;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>(ORDER);
    private int free;
    private long arrivals;

    public PriorityGate(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a gate needs at least one permit, not " + permits);
        }
        this.permits = permits;
        this.free = permits;
    }

    /** A permit held; closing it hands it on (once). */
    public final class Permit implements AutoCloseable {
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Permit() {
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                release();
            }
        }
    }

    private static final class Waiter {
        private final Priority priority;
        private final long arrival;
        private final Condition turn;
        private boolean admitted;

        Waiter(Priority priority, long arrival, Condition turn) {
            this.priority = priority;
            this.arrival = arrival;
            this.turn = turn;
        }

        Priority priority() {
            return priority;
        }

        long arrival() {
            return arrival;
        }
    }

    /** A permit within {@code maxWait}, or empty when none came in time (the caller is not queued any more). */
    public Optional<Permit> acquire(Priority priority, Duration maxWait) throws InterruptedException {
        lock.lock();
        try {
            if (waiting.isEmpty() && free > 0) {
                free--;
                return Optional.of(new Permit());
            }
            Waiter me = new Waiter(priority, arrivals++, lock.newCondition());
            waiting.add(me);
            long nanos = maxWait.toNanos();
            try {
                while (!me.admitted) {
                    if (nanos <= 0) {
                        waiting.remove(me);
                        return Optional.empty();
                    }
                    nanos = me.turn.awaitNanos(nanos);
                }
                return Optional.of(new Permit());
            } catch (InterruptedException e) {
                if (me.admitted) {
                    handOn();
                } else {
                    waiting.remove(me);
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private void release() {
        lock.lock();
        try {
            handOn();
        } finally {
            lock.unlock();
        }
    }

    /** The freed permit goes to the first waiter in priority order, or back to the pool. */
    private void handOn() {
        Waiter next = waiting.poll();
        if (next == null) {
            free++;
            return;
        }
        next.admitted = true;
        next.turn.signal();
    }

    public int permits() {
        return permits;
    }

    /** Permits taken now. */
    public int inUse() {
        lock.lock();
        try {
            return permits - free;
        } finally {
            lock.unlock();
        }
    }

    /** Callers waiting now, per priority. */
    public Map<Priority, Integer> waiting() {
        lock.lock();
        try {
            Map<Priority, Integer> counts = new EnumMap<>(Priority.class);
            for (Priority priority : Priority.values()) {
                counts.put(priority, 0);
            }
            waiting.forEach(waiter -> counts.merge(waiter.priority(), 1, Integer::sum));
            return counts;
        } finally {
            lock.unlock();
        }
    }

}
