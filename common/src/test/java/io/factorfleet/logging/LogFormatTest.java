package io.factorfleet.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The logback.xml every program ships, loaded with each value of FLEET_LOG_FORMAT. */
class LogFormatTest {
  @Test
  void shouldWriteTextLinesByDefault() throws Exception {
    String written = logOneLine(null);

    assertThat(written)
        .matches("(?s)\\d{4}-\\d\\d-\\d\\dT.* INFO  \\[main] worker - 12 is 2 2 3\\R");
  }

  @Test
  void shouldWriteOneJsonObjectPerLineWhenAskedForJson() throws Exception {
    String written = logOneLine("json");

    assertThat(written.lines()).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(written);
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    assertThat(line.path("loggerName").asText()).isEqualTo("io.factorfleet.worker");
    assertThat(line.path("formattedMessage").asText()).isEqualTo("12 is 2 2 3");
  }

  @Test
  void shouldLoadBothFormatsWithoutErrors() throws Exception {
    for (String format : new String[] {"text", "json"}) {
      LoggerContext context = configured(format);

      List<Status> problems =
          context.getStatusManager().getCopyOfStatusList().stream()
              .filter(status -> status.getLevel() >= Status.WARN)
              .toList();
      assertThat(problems).as(format).isEmpty();
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE"))
          .as(format)
          .isInstanceOf(ConsoleAppender.class);
      context.stop();
    }
  }

  /** One INFO event as the console appender of the shipped configuration writes it. */
  private static String logOneLine(String format) throws JoranException {
    LoggerContext context = configured(format);
    Logger logger = context.getLogger("io.factorfleet.worker");
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            logger,
            Level.INFO,
            "{} is {}",
            null,
            new Object[] {12, "2 2 3"});
    event.setThreadName("main");
    OutputStreamAppender<ILoggingEvent> console =
        (OutputStreamAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
    String written = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    context.stop();
    return written;
  }

  private static LoggerContext configured(String format) throws JoranException {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    if (format != null) {
      context.putProperty("FLEET_LOG_FORMAT", format);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
    return context;
  }
}
