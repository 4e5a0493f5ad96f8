package io.factorfleet.fault;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Factor Fleet program running as an operating-system process, with standard output and error
 * going to a log file, so that a test can SIGKILL or SIGTERM it and read what it said.
 */
public final class FleetProcess {
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final Process process;
  private final Path log;
  private final int metricsPort;
  private Integer exitCode;

  FleetProcess(String name, Process process, Path log, int metricsPort) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.metricsPort = metricsPort;
  }

  public String name() {
    return name;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What the process printed so far, standard output and error together. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(log of " + name + " unreadable: " + e + ")";
    }
  }

  /** Waits until the process has printed {@code fragment}; fails if it exits first. */
  public FleetProcess awaitLog(String fragment, Duration timeout) {
    await(name + " printing '" + fragment + "'")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (log().contains(fragment)) {
                return true;
              }
              if (!isAlive()) {
                throw new IllegalStateException(
                    name + " exited with " + process.exitValue() + ":\n" + log());
              }
              return false;
            });
    return this;
  }

  /**
   * The status of {@code GET /health} on the process's metrics port: 200 while it does its job, 503
   * when it knows it cannot; -1 when nothing answers.
   */
  public int health() {
    if (metricsPort <= 0) {
      return -1;
    }
    try {
      HttpURLConnection http =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + metricsPort + "/health").toURL().openConnection();
      http.setConnectTimeout(2_000);
      http.setReadTimeout(5_000);
      try {
        return http.getResponseCode();
      } finally {
        http.disconnect();
      }
    } catch (IOException e) {
      return -1;
    }
  }

  /** The body of {@code GET /metrics} on the process's metrics port. */
  public String scrape() throws IOException {
    HttpURLConnection http =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + metricsPort + "/metrics").toURL().openConnection();
    http.setConnectTimeout(2_000);
    http.setReadTimeout(5_000);
    try (InputStream body = http.getInputStream()) {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      http.disconnect();
    }
  }

  /** Waits until {@code /health} answers 200; fails if the process exits first. */
  public void awaitHealthy(Duration timeout) {
    await(name + " healthy")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!isAlive()) {
                throw new IllegalStateException(
                    name + " exited with " + process.exitValue() + ":\n" + log());
              }
              return health() == 200;
            });
  }

  /** SIGKILL: the process gets no chance to clean up. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    exitCode = awaitExit();
  }

  /** SIGTERM, as {@code docker stop} sends; returns the exit status once the process is gone. */
  public int terminate() throws InterruptedException {
    process.destroy();
    exitCode = awaitExit();
    return exitCode;
  }

  /** SIGINT, as Ctrl-C on a terminal sends; returns the exit status once the process is gone. */
  public int interrupt() throws InterruptedException, IOException {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -INT " + process.pid() + " failed");
    }
    exitCode = awaitExit();
    return exitCode;
  }

  /** Waits for a process that ends by itself (such as {@code fleet submit}); returns its status. */
  public int awaitExit() throws InterruptedException {
    if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      throw new IllegalStateException(
          name + " did not exit within " + EXIT_TIMEOUT + "; killed it. Log:\n" + log());
    }
    exitCode = process.exitValue();
    return exitCode;
  }

  /** Waits up to {@code timeout} for the process to end by itself; true once it has. */
  public boolean exitsWithin(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return false;
    }
    exitCode = process.exitValue();
    return true;
  }

  /** The first number captured by {@code pattern}'s group {@code group} in the log, if any. */
  public OptionalLong logged(Pattern pattern, int group) {
    Matcher matcher = pattern.matcher(log());
    return matcher.find()
        ? OptionalLong.of(Long.parseLong(matcher.group(group)))
        : OptionalLong.empty();
  }

  /** Kills the process if it is still running; for clean-up after a failed test. */
  void destroyIfAlive() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return name + (exitCode == null ? "" : " (exit " + exitCode + ")");
  }
}
