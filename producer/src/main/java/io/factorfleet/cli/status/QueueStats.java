package io.factorfleet.cli.status;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One queue as RabbitMQ's management API reports it. A queue that does not exist is {@link
 * #absent}; counts and rates the API has not reported yet (it samples every few seconds) are 0.
 *
 * @param name the queue's name
 * @param declared whether the queue exists
 * @param ready messages waiting for a consumer
 * @param unacked messages delivered and not yet acknowledged
 * @param consumers consumers attached
 * @param publishRate messages published to the queue per second
 * @param deliverRate messages delivered or fetched from the queue per second
 */
public record QueueStats(
    String name,
    boolean declared,
    long ready,
    long unacked,
    long consumers,
    double publishRate,
    double deliverRate) {

  /** A queue that does not exist (yet). */
  public static QueueStats absent(String name) {
    return new QueueStats(name, false, 0, 0, 0, 0, 0);
  }

  /** Reads one item of {@code GET /api/queues/<vhost>}. */
  static QueueStats fromJson(JsonNode queue) {
    JsonNode stats = queue.path("message_stats");
    return new QueueStats(
        queue.path("name").asText(),
        true,
        queue.path("messages_ready").asLong(0),
        queue.path("messages_unacknowledged").asLong(0),
        queue.path("consumers").asLong(0),
        stats.path("publish_details").path("rate").asDouble(0),
        stats.path("deliver_get_details").path("rate").asDouble(0));
  }

  /** Messages in the queue: ready and unacknowledged. */
  public long depth() {
    return ready + unacked;
  }
}
