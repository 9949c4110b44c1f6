package dev.boomer.resilience;

import java.util.List;

/** Where operators' breaker overrides live, shared by every instance (each applies them to its own guards). */
public interface BreakerOverrides {

    List<BreakerOverride> all();

    void hold(BreakerOverride override);

    /** The breaker goes back to following the calls. */
    void release(String provider, String model);
}
