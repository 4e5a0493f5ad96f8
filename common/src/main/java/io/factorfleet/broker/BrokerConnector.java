package io.factorfleet.broker;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MetricsCollector;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.impl.recovery.RecordedQueue;
import com.rabbitmq.client.impl.recovery.TopologyRecoveryFilter;
import io.factorfleet.topology.QueueMismatchException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens connections with the settings every Factor Fleet process shares: automatic recovery of
 * connection, channels and consumers, heartbeats, and a name that shows in the management UI.
 * Reconnections, at start and after a connection is lost, wait longer after each failure and a
 * random part of that ({@link ReconnectBackoff}). Failures become one {@link
 * BrokerUnavailableException} whose message a user can act on.
 */
public final class BrokerConnector {
  private static final int HEARTBEAT_SECONDS = 30;
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Queues are declared again on recovery only through a channel still in use: a queue declared on
   * a channel of its own, since closed, cannot be, and needs not be (every queue of Factor Fleet is
   * durable, and whoever consumes one declares it again on subscribing again). The one kind that is
   * not, a process's control queue, is declared on the channel that consumes it, kept open, so the
   * client declares it again, with its binding and consumer.
   */
  private static final TopologyRecoveryFilter QUEUES_OF_OPEN_CHANNELS =
      new TopologyRecoveryFilter() {
        @Override
        public boolean filterQueue(RecordedQueue queue) {
          return queue.getChannel().isOpen();
        }
      };

  private final BrokerSettings settings;
  private final MetricsCollector metricsCollector;
  private final ReconnectBackoff backoff = new ReconnectBackoff();

  public BrokerConnector(BrokerSettings settings) {
    this(settings, null);
  }

  /**
   * @param metricsCollector where connections opened here count their channels and messages, or
   *     null for nowhere
   */
  public BrokerConnector(BrokerSettings settings, MetricsCollector metricsCollector) {
    this.settings = settings;
    this.metricsCollector = metricsCollector;
  }

  public BrokerSettings settings() {
    return settings;
  }

  /**
   * One attempt; for command-line use, where waiting would hide a mistake.
   *
   * <p>The connection hands each channel's deliveries to a thread of its own while that channel has
   * any ({@link #consumerDispatch}), so that consumers on several channels handle messages at once
   * however many processors the JVM sees.
   */
  public Connection open(String connectionName) throws BrokerUnavailableException {
    ConnectionFactory factory = factory();
    ExecutorService dispatch = consumerDispatch(connectionName);
    try {
      Connection connection = factory.newConnection(dispatch, settings.addresses(), connectionName);
      connection.addShutdownListener(
          cause -> {
            if (cause.isInitiatedByApplication()) {
              dispatch.shutdown();
            }
          });
      return connection;
    } catch (IOException | TimeoutException e) {
      dispatch.shutdownNow();
      throw describe(e);
    } catch (RuntimeException e) {
      dispatch.shutdownNow();
      throw e;
    }
  }

  /**
   * The threads that run a connection's consumers: one per channel with deliveries in hand, made
   * when needed and ended after a minute idle. The client's own pool has as many threads as the JVM
   * sees processors, so that on one processor a consumer holding a message (the aggregator
   * service's, or the command line's while it writes output) held up every other consumer of the
   * connection; the client never runs two deliveries of one channel at once, so a channel never
   * takes more than one of these threads.
   */
  private static ExecutorService consumerDispatch(String connectionName) {
    AtomicInteger threads = new AtomicInteger();
    return Executors.newCachedThreadPool(
        runnable -> {
          Thread thread =
              new Thread(
                  runnable, "amqp-consumer-" + threads.incrementAndGet() + " " + connectionName);
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Keeps trying until the broker answers or {@code patience} runs out, waiting longer after each
   * failure; for services, which may start before the broker does. The last attempt is made when
   * the patience runs out.
   */
  public Connection openPatiently(String connectionName, Duration patience)
      throws BrokerUnavailableException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    for (int failures = 0; ; failures++) {
      try {
        return open(connectionName);
      } catch (BrokerUnavailableException e) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || isAuthenticationFailure(e.getCause())) {
          throw e;
        }
        Thread.sleep(Math.min(backoff.delay(failures).toMillis(), Math.max(1, left / 1_000_000)));
      }
    }
  }

  /**
   * Opens a connection as {@link #openPatiently(String, Duration)} does and starts a service on it.
   * When the start fails, the connection is aborted; a queue found with other arguments than this
   * build declares is reported as the broker's refusal, in one line.
   *
   * @param start what is started on the connection, and owns it from then on
   */
  public <T> T openPatiently(String connectionName, Duration patience, Start<T> start)
      throws BrokerUnavailableException, IOException, InterruptedException {
    Connection connection = openPatiently(connectionName, patience);
    try {
      return start.on(connection);
    } catch (QueueMismatchException e) {
      connection.abort();
      throw e.asRefusal();
    } catch (IOException | RuntimeException e) {
      connection.abort();
      throw e;
    }
  }

  /** What a service starts on its connection. */
  @FunctionalInterface
  public interface Start<T> {
    T on(Connection connection) throws IOException;
  }

  ConnectionFactory factory() {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(settings.primary());
    } catch (Exception e) {
      // without the cause, whose message may hold the URI as it was given
      throw new IllegalArgumentException(
          "not a usable AMQP URI: "
              + settings.display()
              + " ("
              + UriPasswords.mask(String.valueOf(e.getMessage()))
              + ")");
    }
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setRecoveryDelayHandler(backoff);
    factory.setTopologyRecoveryFilter(QUEUES_OF_OPEN_CHANNELS);
    factory.setRequestedHeartbeat(HEARTBEAT_SECONDS);
    factory.setConnectionTimeout((int) CONNECTION_TIMEOUT.toMillis());
    // No call to the broker may hang a process for the client's default of ten minutes.
    factory.setChannelRpcTimeout((int) RPC_TIMEOUT.toMillis());
    factory.setShutdownTimeout((int) RPC_TIMEOUT.toMillis());
    if (metricsCollector != null) {
      factory.setMetricsCollector(metricsCollector);
    }
    return factory;
  }

  private BrokerUnavailableException describe(Exception e) {
    String where = settings.display();
    String user = settings.primary().getUserInfo();
    user = user == null ? BrokerSettings.DEFAULT_USER : user.split(":", 2)[0];
    if (isAuthenticationFailure(e)) {
      return new BrokerUnavailableException(
          "RabbitMQ at " + where + " refused the credentials of user '" + user + "'", e);
    }
    if (e instanceof ConnectException) {
      return new BrokerUnavailableException(
          "cannot connect to RabbitMQ at " + where + ": connection refused", e);
    }
    if (e instanceof UnknownHostException) {
      return new BrokerUnavailableException(
          "cannot connect to RabbitMQ at " + where + ": unknown host " + e.getMessage(), e);
    }
    if (e instanceof TimeoutException) {
      return new BrokerUnavailableException(
          "cannot connect to RabbitMQ at " + where + ": timed out", e);
    }
    String reason =
        e.getMessage() == null ? e.getClass().getSimpleName() : UriPasswords.mask(e.getMessage());
    return new BrokerUnavailableException(
        "cannot connect to RabbitMQ at " + where + ": " + reason, e);
  }

  private static boolean isAuthenticationFailure(Throwable e) {
    return e instanceof AuthenticationFailureException
        || e instanceof PossibleAuthenticationFailureException;
  }
}
