package io.factorfleet.topology;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declares one durable queue on a channel of its own, so that a declaration the broker refuses
 * closes none of the caller's channels.
 *
 * <p>A queue that an earlier build of Factor Fleet declared, before it asked for at-least-once
 * dead-lettering, exists without those arguments, and RabbitMQ refuses to declare it with them.
 * Such a queue is declared again the way the earlier build did and used as it is, dead-lettering at
 * most once as before, with a warning saying how to turn at-least-once on; a fleet upgraded in
 * place keeps running and loses nothing. Any other difference is a {@link QueueMismatchException}.
 */
final class QueueDeclaration {
  private static final Logger log = LoggerFactory.getLogger(QueueDeclaration.class);

  /** The arguments the earlier build did not declare. */
  static final Set<String> AT_LEAST_ONCE_ARGUMENTS =
      Set.of(Topology.DEAD_LETTER_STRATEGY, Topology.OVERFLOW);

  /** Queues warned about, so that a process says it once however often it declares them. */
  private static final Set<String> warned = ConcurrentHashMap.newKeySet();

  private QueueDeclaration() {}

  static Topology.Declared declare(
      Connection connection, String queue, Map<String, Object> arguments) throws IOException {
    try {
      declareAlone(connection, queue, arguments);
      return Topology.Declared.AS_ASKED;
    } catch (IOException e) {
      InequivalentArgument refusal = InequivalentArgument.of(e).orElseThrow(() -> e);
      if (!AT_LEAST_ONCE_ARGUMENTS.contains(refusal.argument())
          || !arguments.keySet().containsAll(AT_LEAST_ONCE_ARGUMENTS)) {
        throw new QueueMismatchException(refusal, e);
      }
    }
    Map<String, Object> earlier = new HashMap<>(arguments);
    earlier.keySet().removeAll(AT_LEAST_ONCE_ARGUMENTS);
    try {
      declareAlone(connection, queue, earlier);
    } catch (IOException e) {
      InequivalentArgument refusal = InequivalentArgument.of(e).orElseThrow(() -> e);
      throw new QueueMismatchException(refusal, e);
    }
    if (warned.add(queue)) {
      log.warn(
          "queue '{}' was declared by an earlier Factor Fleet, without at-least-once"
              + " dead-lettering; using it as it is. To turn that on, delete the queue while it is"
              + " empty (rabbitmqctl delete_queue '{}') once every process runs this build (README:"
              + " Upgrading a running fleet)",
          queue,
          queue);
    }
    return Topology.Declared.AS_EARLIER_BUILD_DID;
  }

  private static void declareAlone(
      Connection connection, String queue, Map<String, Object> arguments) throws IOException {
    Channel channel = connection.createChannel();
    if (channel == null) {
      throw new IOException("the broker has no channel left for declaring " + queue);
    }
    try {
      channel.queueDeclare(queue, true, false, false, arguments);
    } finally {
      // quietly, and whether or not the broker closed it on refusing the declaration
      channel.abort();
    }
  }
}
