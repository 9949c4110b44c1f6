package dev.boomer.adapter.ai.vision;

import dev.boomer.domain.vision.OutputProblem;
import dev.boomer.domain.vision.Usage;

/** A provider's successful HTTP answer, read into what it says and what it consumed. */
public sealed interface Reply {

    Usage usage();

    /** The answer's JSON text (a tool's input, a message's content). */
    record Answer(String json, Usage usage) implements Reply {
    }

    /** An answer that says why there is nothing to read: refused, cut off, empty. */
    record Problem(OutputProblem problem, String detail, Usage usage) implements Reply {
    }
}
