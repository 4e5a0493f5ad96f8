package io.factorfleet.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The logging every program sets up, with each value of FLEET_LOG_FORMAT and FLEET_LOG_LEVEL. */
class ConsoleLoggingTest {
  @Test
  void shouldBeTheConfigurationLogbackFindsOnTheClassPath() {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
        .contains(ConsoleLogging.class);
  }

  @Test
  void shouldWriteTextLinesByDefault() {
    String written = logOneLine(configured(Map.of()));

    assertThat(written)
        .matches("(?s)\\d{4}-\\d\\d-\\d\\dT.* INFO  \\[main] worker - 12 is 2 2 3\\R");
  }

  @Test
  void shouldWriteOneJsonObjectPerLineWhenAskedForJson() throws Exception {
    String written = logOneLine(configured(Map.of(ConsoleLogging.FORMAT, "json")));

    assertThat(written.lines()).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(written);
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    assertThat(line.path("loggerName").asText()).isEqualTo("io.factorfleet.worker");
    assertThat(line.path("formattedMessage").asText()).isEqualTo("12 is 2 2 3");
  }

  @Test
  void shouldWriteTextForAnUnknownFormat() {
    String written = logOneLine(configured(Map.of(ConsoleLogging.FORMAT, "yaml")));

    assertThat(written).endsWith(" INFO  [main] worker - 12 is 2 2 3" + System.lineSeparator());
  }

  @Test
  void shouldSetTheLevelOfEveryLoggerButTheBrokerClientsWhichWarnsOnly() {
    LoggerContext context = configured(Map.of(ConsoleLogging.LEVEL, "debug"));

    assertThat(context.getLogger("io.factorfleet.worker").isDebugEnabled()).isTrue();
    assertThat(context.getLogger("com.rabbitmq.client.impl").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(configured(Map.of()).getLogger("io.factorfleet").getEffectiveLevel())
        .isEqualTo(Level.INFO);
    assertThat(
            configured(Map.of(ConsoleLogging.LEVEL, "loud"))
                .getLogger("io.factorfleet")
                .getEffectiveLevel())
        .isEqualTo(Level.INFO);
  }

  @Test
  void shouldSetUpBothFormatsWithoutErrors() {
    for (String format : new String[] {"text", "json"}) {
      LoggerContext context = configured(Map.of(ConsoleLogging.FORMAT, format));

      List<Status> problems =
          context.getStatusManager().getCopyOfStatusList().stream()
              .filter(status -> status.getLevel() >= Status.WARN)
              .toList();
      assertThat(problems).as(format).isEmpty();
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(ConsoleLogging.APPENDER))
          .as(format)
          .isInstanceOf(ConsoleAppender.class);
      context.stop();
    }
  }

  /** One INFO event as the console appender writes it. */
  private static String logOneLine(LoggerContext context) {
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
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(ConsoleLogging.APPENDER);
    String written = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    context.stop();
    return written;
  }

  private static LoggerContext configured(Map<String, String> settings) {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    ConsoleLogging.configure(context, settings::get);
    return context;
  }
}
