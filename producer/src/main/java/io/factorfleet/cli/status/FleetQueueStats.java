package io.factorfleet.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.factorfleet.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fleet's queues as the management API reports them.
 *
 * @param queues the task, result and dead-letter queues, in that order
 * @param jobQueues the reply queues of jobs in flight that the API listed, by name
 * @param jobsInFlight reply queues in the virtual host, which may be more than {@code jobQueues}
 *     holds when the API answers a page of them only
 */
public record FleetQueueStats(
    List<QueueStats> queues, List<QueueStats> jobQueues, long jobsInFlight) {
  public FleetQueueStats {
    queues = List.copyOf(queues);
    jobQueues = List.copyOf(jobQueues);
  }

  /**
   * Reads two pages of {@code GET /api/queues/<vhost>?page=1&name=...&use_regex=true}: one whose
   * filter matched the fleet's own queues, one whose filter matched the job reply queues.
   */
  static FleetQueueStats fromJson(Topology topology, JsonNode fleetPage, JsonNode jobPage) {
    List<String> names =
        List.of(topology.taskQueue(), topology.resultQueue(), topology.deadLetterQueue());
    Map<String, QueueStats> found =
        items(fleetPage).stream()
            .collect(Collectors.toMap(QueueStats::name, Function.identity(), (a, b) -> a));
    List<QueueStats> queues = new ArrayList<>();
    for (String name : names) {
      queues.add(found.getOrDefault(name, QueueStats.absent(name)));
    }

    // A dead-letter queue named like a reply queue ("fleet.results.dead") is not a job.
    Set<String> fleetNames = Set.copyOf(names);
    List<QueueStats> listed = items(jobPage);
    List<QueueStats> jobQueues =
        listed.stream().filter(queue -> !fleetNames.contains(queue.name())).toList();
    long matched = jobPage.path("filtered_count").asLong(listed.size());
    long jobsInFlight = Math.max(jobQueues.size(), matched - (listed.size() - jobQueues.size()));
    return new FleetQueueStats(queues, jobQueues, jobsInFlight);
  }

  private static List<QueueStats> items(JsonNode page) {
    JsonNode items = page.path("items");
    if (!items.isArray()) {
      throw new IllegalArgumentException("no list of queues in the answer");
    }
    List<QueueStats> queues = new ArrayList<>();
    items.forEach(item -> queues.add(QueueStats.fromJson(item)));
    return queues;
  }
}
