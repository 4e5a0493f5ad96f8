package io.factorfleet.logging;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The logging of every Factor Fleet program: one console appender on standard error, set up in
 * code, so that no program parses an XML configuration at start (logback's XML reader took about a
 * quarter of a second of the command line's start). Logback finds it as a {@link Configurator}
 * service.
 *
 * <ul>
 *   <li>{@code FLEET_LOG_FORMAT}: {@code text} (the default), one line per event, for people; or
 *       {@code json}, one JSON object per line with the message as written, for log collectors;
 *   <li>{@code FLEET_LOG_LEVEL}: the level of every logger but RabbitMQ's client, which logs at
 *       {@code WARN} and above; {@code INFO} by default.
 * </ul>
 *
 * Each is read from the system property of that name, else from the environment. A logback
 * configuration named with {@code -Dlogback.configurationFile} replaces this one.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
  static final String FORMAT = "FLEET_LOG_FORMAT";
  static final String LEVEL = "FLEET_LOG_LEVEL";
  static final String APPENDER = "CONSOLE";
  static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0} - %msg%n";

  /** For logback's service loader. */
  public ConsoleLogging() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    configure(context, name -> System.getProperty(name, System.getenv(name)));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Sets up {@code context} from the settings {@code lookup} gives by name. A value it does not
   * know is named on standard error, and the default is used in its place.
   */
  static void configure(LoggerContext context, UnaryOperator<String> lookup) {
    String format = lookup.apply(FORMAT);
    boolean json = "json".equalsIgnoreCase(format);
    if (format != null && !json && !"text".equalsIgnoreCase(format)) {
      unknown(FORMAT, format, "text");
    }
    String levelName = lookup.apply(LEVEL);
    Level level = Level.toLevel(levelName, null);
    if (levelName != null && level == null) {
      unknown(LEVEL, levelName, "INFO");
    }
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName(APPENDER);
    console.setTarget("System.err");
    console.setEncoder(json ? jsonEncoder(context) : textEncoder(context));
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level == null ? Level.INFO : level);
    root.addAppender(console);
    context.getLogger("com.rabbitmq").setLevel(Level.WARN);
  }

  private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(TEXT_PATTERN);
    encoder.start();
    return encoder;
  }

  private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithFormattedMessage(true);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithContext(false);
    encoder.start();
    return encoder;
  }

  private static void unknown(String setting, String value, String used) {
    System.err.printf(
        Locale.ROOT, "%s=%s is not a value Factor Fleet knows; %s is used%n", setting, value, used);
  }
}
