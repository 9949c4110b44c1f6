package dev.boomer.resilience;

import dev.boomer.domain.item.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PriorityGateTest {

    @Test
    void aFreedPermitGoesToUrgentThenNormalThenEconomyWhateverTheOrderTheyCameIn() throws Exception {
        PriorityGate gate = new PriorityGate(1);
        PriorityGate.Permit held = gate.acquire(Priority.NORMAL, Duration.ZERO).orElseThrow();
        List<String> admitted = new CopyOnWriteArrayList<>();
        List<Thread> waiters = new java.util.ArrayList<>();
        int arrived = 0;
        for (String who : List.of("economy-1", "normal-1", "economy-2", "urgent-1", "normal-2", "urgent-2")) {
            Priority priority = Priority.valueOf(who.substring(0, who.indexOf('-')).toUpperCase());
            waiters.add(Thread.ofVirtual().start(() -> {
                try (PriorityGate.Permit permit = gate.acquire(priority, Duration.ofSeconds(10)).orElseThrow()) {
                    admitted.add(who);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            int expected = ++arrived;
            await().atMost(Duration.ofSeconds(5)).until(() -> total(gate.waiting()) == expected); // arrival order fixed
        }

        held.close();
        for (Thread waiter : waiters) {
            waiter.join();
        }

        assertThat(admitted).containsExactly("urgent-1", "urgent-2", "normal-1", "normal-2", "economy-1", "economy-2");
        assertThat(gate.inUse()).isZero();
    }

    @Test
    void aCallerWhoseWaitRunsOutLeavesTheQueueAndClosingAPermitTwiceFreesItOnce() throws Exception {
        PriorityGate gate = new PriorityGate(2);
        PriorityGate.Permit first = gate.acquire(Priority.URGENT, Duration.ZERO).orElseThrow();
        PriorityGate.Permit second = gate.acquire(Priority.URGENT, Duration.ZERO).orElseThrow();

        assertThat(gate.acquire(Priority.NORMAL, Duration.ofMillis(50))).isEmpty();
        assertThat(total(gate.waiting())).isZero();

        first.close();
        first.close();
        assertThat(gate.inUse()).isEqualTo(1);
        second.close();
        assertThat(gate.inUse()).isZero();
    }

    private static int total(Map<Priority, Integer> waiting) {
        return waiting.values().stream().mapToInt(Integer::intValue).sum();
    }
}
