package dev.boomer.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

import java.util.Arrays;

/**
 * {@code %oneLineEx}: the stack trace as usual, one line per frame, but each exception's message on one
 * line and without credentials. Exception messages quote input ("Invalid hex byte at index '0' in
 * string: ...") and providers (who may echo a key), so they are as untrusted as those.
 */
public final class OneLineThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return super.throwableProxyToString(new OneLineThrowable(throwable));
    }

    private record OneLineThrowable(IThrowableProxy original) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return LogRedaction.clean(original.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return LogRedaction.clean(original.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return original.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return original.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return original.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return original.getCause() == null ? null : new OneLineThrowable(original.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = original.getSuppressed();
            return suppressed == null ? null
                    : Arrays.stream(suppressed).map(OneLineThrowable::new).toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return original.isCyclic();
        }
    }
}
