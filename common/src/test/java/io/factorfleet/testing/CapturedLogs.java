package io.factorfleet.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The log lines every logger writes while it is open, with their stack traces: for tests of what
 * programs log. Close it to stop capturing.
 */
public final class CapturedLogs implements AutoCloseable {
  private final Logger root;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  public static CapturedLogs start() {
    return new CapturedLogs();
  }

  /** Each event so far: its level, message and stack trace, if any. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    synchronized (appender) { // the lock under which AppenderBase appends
      for (ILoggingEvent event : appender.list) {
        String line = event.getLevel() + " " + event.getFormattedMessage();
        if (event.getThrowableProxy() != null) {
          line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
        }
        lines.add(line);
      }
    }
    return lines;
  }

  /** Every line so far, one after the other. */
  public String text() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
