package io.factorfleet.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.cli.FleetRun;
import io.factorfleet.fleet.JobControlIT;
import io.factorfleet.testing.NumberMix;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on {@code fleet factor}, as a process of its own: it cancels its job, so that the worker
 * drops the job's queued tasks instead of factoring them for nobody, and exits with status 130.
 */
@ExtendWith(RabbitBroker.class)
public class InterruptedFactorIT {
  @Test
  void shouldCancelItsJobOnCtrlCAndLeaveNoneOfItsTasksQueued(
      BrokerSettings broker, Topology topology, @TempDir Path work) throws Exception {
    Map<String, String> env = RabbitBroker.environment(broker, topology);
    List<String> numbers = NumberMix.withSeed(41).semiprimes(20_000, 40).build();
    List<String> other = NumberMix.withSeed(3).random(2_000, 2, 60).build();
    try (FleetLauncher fleet = new FleetLauncher(work, broker, topology)) {
      FleetProcess worker = fleet.worker("w1");
      FleetProcess factor = fleet.factor("big", numbers, "--chunk-size=10", "--max-in-flight=400");
      String job = JobControlIT.awaitListed(env, "factor");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> JobControlIT.readyTasks(broker, topology) > 100);
      FleetProcess next = fleet.factor("other", other);

      int status = factor.interrupt();

      assertThat(status).as(factor.log()).isEqualTo(130);
      assertThat(factor.log()).contains("fleet: interrupted; job " + job + " cancelled");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> JobControlIT.readyTasks(broker, topology) == 0);
      assertThat(JobControlIT.queueExists(broker, topology.replyQueue(job)))
          .as("the job's reply queue")
          .isFalse();
      assertThat(worker.log())
          .contains("job " + job + " cancelled by an interrupt of fleet factor on ")
          .contains("acknowledging the tasks of cancelled job " + job);
      assertThat(next.awaitExit()).as(next.log()).isZero();
      assertThat(Files.readString(work.resolve("other.out")))
          .isEqualTo(FleetRun.of(env, String.join("\n", other), "factor", "--local").out());
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }
}
