package dev.boomer.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %oneLineMsg}: the formatted message without credentials ({@link LogRedaction}) and with its line
 * breaks escaped ({@link LineBreaks}).
 */
public final class OneLineMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogRedaction.clean(super.convert(event));
    }
}
