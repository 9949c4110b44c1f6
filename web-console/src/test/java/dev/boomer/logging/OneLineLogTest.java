package dev.boomer.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped logback.xml keeps every message and exception message on its own line, whatever it quotes. */
class OneLineLogTest {

    private static final String FORGED_LINE = "07:00:00.000 INFO  d.b.security.Audit - admin password changed";

    @Test
    void aLineBreakInAMessageOrAnExceptionCannotForgeALogLine() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        var appender = (OutputStreamAppender<?>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender("STDOUT");
        var encoder = (PatternLayoutEncoder) appender.getEncoder();

        var cause = new IllegalStateException("cause says\r\n" + FORGED_LINE);
        var event = new LoggingEvent("test", context.getLogger("dev.boomer.inbox.InboxScanner"), Level.WARN,
                "folder {} rejected", new IllegalArgumentException("bad name\n" + FORGED_LINE, cause),
                new Object[]{"lamp\n" + FORGED_LINE});
        List<String> lines = Arrays.asList(new String(encoder.encode(event), StandardCharsets.UTF_8).split("\n"));

        assertThat(lines).noneMatch(line -> line.startsWith(FORGED_LINE));
        assertThat(lines.getFirst()).endsWith("folder lamp\\n" + FORGED_LINE + " rejected");
        assertThat(lines).contains("java.lang.IllegalArgumentException: bad name\\n" + FORGED_LINE,
                "Caused by: java.lang.IllegalStateException: cause says\\r\\n" + FORGED_LINE);
        assertThat(lines).anyMatch(line -> line.startsWith("\tat dev.boomer.logging.OneLineLogTest"));
        context.stop();
    }

    @Test
    void credentialsInAMessageOrAnExceptionAreRedacted() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        var encoder = (PatternLayoutEncoder) ((OutputStreamAppender<?>) context
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDOUT")).getEncoder();

        var event = new LoggingEvent("test", context.getLogger("dev.boomer.jobs.ItemRunner"), Level.WARN,
                "item failed: {}", new IllegalStateException("401 invalid x-api-key: sk-ant-api03-secret-0123456789"),
                new Object[]{"provider_rejected: Bearer abcdefghijkl0123"});
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).contains("provider_rejected: Bearer [redacted]", "invalid x-api-key: [redacted]")
                .doesNotContain("sk-ant-api03", "abcdefghijkl0123");
        context.stop();
    }

    @Test
    void controlCharactersAreEscapedAndOrdinaryTextIsLeftAlone() {
        assertThat(LineBreaks.escape("plain text, tabs\tand ünïcödé")).isEqualTo("plain text, tabs\tand ünïcödé");
        assertThat(LineBreaks.escape("a\u2028b\u001b[31mc")).isEqualTo("a\\u2028b\\u001b[31mc");
        assertThat(LineBreaks.escape(null)).isNull();
    }
}
