package io.factorfleet.cli.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factorfleet.topology.Topology;
import org.junit.jupiter.api.Test;

/** Reading the management API's pages of {@code GET /api/queues/<vhost>}. */
class StatusJsonTest {
  private static final Topology TOPOLOGY = Topology.defaults();
  private static final String NO_JOBS =
      """
      {"filtered_count":0,"item_count":0,"items":[],"page":1,"page_count":0,"page_size":500}
      """;

  @Test
  void shouldReadCountsAndRatesOfTheFleetsQueues() throws Exception {
    FleetQueueStats stats =
        read(
            """
            {"filtered_count":2,"items":[
              {"name":"fleet.results","messages_ready":0,"messages_unacknowledged":4,
               "consumers":1,"message_stats":{"publish_details":{"rate":12.5},
                                              "deliver_get_details":{"rate":11.0}}},
              {"name":"fleet.tasks","messages_ready":120,"messages_unacknowledged":16,
               "consumers":2,"message_stats":{"publish_details":{"rate":310.2},
                                              "deliver_get_details":{"rate":305.0}}}]}
            """,
            NO_JOBS);

    assertThat(stats.queues())
        .containsExactly(
            new QueueStats("fleet.tasks", true, 120, 16, 2, 310.2, 305.0),
            new QueueStats("fleet.results", true, 0, 4, 1, 12.5, 11.0),
            QueueStats.absent("fleet.dead"));
  }

  @Test
  void shouldCountRatesAndFiguresNotSampledYetAsZero() throws Exception {
    FleetQueueStats stats = read("{\"items\":[{\"name\":\"fleet.dead\"}]}", NO_JOBS);

    assertThat(stats.queues().get(2)).isEqualTo(new QueueStats("fleet.dead", true, 0, 0, 0, 0, 0));
  }

  @Test
  void shouldListTheJobReplyQueuesWithTheirDepths() throws Exception {
    FleetQueueStats stats =
        read(
            NO_JOBS,
            """
            {"filtered_count":2,"items":[
              {"name":"fleet.results.job-1","messages_ready":12,"messages_unacknowledged":3,
               "consumers":1,"message_stats":{"publish_details":{"rate":40.0}}},
              {"name":"fleet.results.job-2","messages_ready":0,"messages_unacknowledged":0,
               "consumers":1}]}
            """);

    assertThat(stats.jobsInFlight()).isEqualTo(2);
    assertThat(stats.jobQueues())
        .extracting(QueueStats::name, QueueStats::depth, QueueStats::publishRate)
        .containsExactly(
            tuple("fleet.results.job-1", 15L, 40.0), tuple("fleet.results.job-2", 0L, 0.0));
  }

  @Test
  void shouldCountJobsBeyondThePageTheApiListed() throws Exception {
    FleetQueueStats stats =
        read(
            NO_JOBS,
            """
            {"filtered_count":501,"items":[{"name":"fleet.results.job-1","consumers":1}]}
            """);

    assertThat(stats.jobsInFlight()).isEqualTo(501);
    assertThat(stats.jobQueues()).hasSize(1);
  }

  @Test
  void shouldNotCountADeadLetterQueueNamedLikeAReplyQueueAsAJob() throws Exception {
    Topology topology = new Topology("t", "r", "r.dead", 5);
    FleetQueueStats stats =
        FleetQueueStats.fromJson(
            topology,
            json(NO_JOBS),
            json(
                """
                {"filtered_count":2,"items":[{"name":"r.dead"},{"name":"r.job-1"}]}
                """));

    assertThat(stats.jobsInFlight()).isEqualTo(1);
    assertThat(stats.jobQueues()).extracting(QueueStats::name).containsExactly("r.job-1");
  }

  @Test
  void shouldRefuseAnAnswerWithoutAListOfQueues() {
    assertThatThrownBy(() -> read("{\"error\":\"bad_request\"}", NO_JOBS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no list of queues");
  }

  private static FleetQueueStats read(String fleetPage, String jobPage) throws Exception {
    return FleetQueueStats.fromJson(TOPOLOGY, json(fleetPage), json(jobPage));
  }

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }
}
