package dev.boomer.domain.work;

import java.lang.management.ManagementFactory;
import java.util.Objects;

/** The name this instance goes by on leases and in item histories: {@code boomer.worker-name}, else pid@host. */
public record InstanceName(String value) {

    public InstanceName {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an instance name must not be blank");
        }
    }

    /** The configured name, or the JVM's own ({@code pid@host}) when none is. */
    public static InstanceName of(String configured) {
        return new InstanceName(configured == null || configured.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() : configured.strip());
    }

    /** The instance part of a lease holder ({@code <instance>#<run token>}). */
    public static String ofHolder(String holder) {
        int run = holder.lastIndexOf('#');
        return run < 0 ? holder : holder.substring(0, run);
    }
}
