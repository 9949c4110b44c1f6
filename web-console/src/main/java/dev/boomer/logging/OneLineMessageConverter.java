package dev.boomer.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %oneLineMsg}: the formatted message with its line breaks escaped (see {@link LineBreaks}). */
public final class OneLineMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LineBreaks.escape(super.convert(event));
    }
}
