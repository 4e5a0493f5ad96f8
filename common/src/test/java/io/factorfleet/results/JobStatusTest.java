package io.factorfleet.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JobStatusTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void shouldReadBackWhatTheServiceWrites() throws Exception {
    JobStatus running = new JobStatus("job-1", JobStatus.State.RUNNING, 3, -1, 3_000, -1, 2);
    JobStatus failed = JobStatus.failed("job-2", "a reply \"contradicts\" another\nat task 7");

    for (JobStatus status : new JobStatus[] {running, failed, JobStatus.unknown("job-3")}) {
      assertThat(JobStatus.fromJson(mapper.readTree(status.toJson()), "other")).isEqualTo(status);
    }
  }

  @Test
  void shouldTakeAnAnswerWithoutFieldsForAJobTheServiceDoesNotKnow() throws Exception {
    JobStatus status = JobStatus.fromJson(mapper.readTree("{}"), "job-4");

    assertThat(status).isEqualTo(JobStatus.unknown("job-4"));
    assertThat(status.isUnknown()).isTrue();
  }

  @Test
  void shouldRefuseAStateItDoesNotKnow() throws Exception {
    assertThatThrownBy(() -> JobStatus.fromJson(mapper.readTree("{\"state\":\"paused\"}"), "j"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("paused");
  }

  @Test
  void shouldSayHowManyTasksAreRecordedOfHowMany() {
    assertThat(new JobStatus("j", JobStatus.State.RUNNING, 1_200, 3_000, 0, -1, 0).recorded())
        .isEqualTo("1,200 of 3,000 tasks recorded");
    assertThat(new JobStatus("j", JobStatus.State.RUNNING, 1_200, -1, 0, -1, 0).recorded())
        .isEqualTo("1,200 tasks recorded");
  }
}
