package io.factorfleet.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.factorfleet.aggregator.ResultSink;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsApiTest {
  @TempDir Path dir;

  private SpoolDirectory spool;
  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void serve() throws Exception {
    spool = new SpoolDirectory(dir);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(ResultsApi.PATH, new ResultsApi(spool));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void shouldAnswerAJobItDoesNotKnowWithNotFound() throws Exception {
    HttpResponse<String> response = get("/jobs/nobody");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"state\":\"unknown\"");
    assertThat(get("/jobs/nobody/output").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldSayAJobFailedAndWhyAndKeepItsFilesBack() throws Exception {
    spool.accept(aResult("job", 3, NumberResult.complete("4", List.of("2", "2"))));
    assertThatThrownBy(() -> spool.seal(SealMessage.of("job", 2, 2)))
        .isInstanceOf(ResultSink.UnknownTaskException.class);

    HttpResponse<String> response = get("/jobs/job");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"job\":\"job\",\"state\":\"failed\",\"tasksRecorded\":0,\"tasks\":-1,"
                + "\"numbersRecorded\":0,\"numbers\":-1,\"errors\":0,"
                + "\"reason\":\"its seal says 2 tasks, but task 3 arrived\"}\n");
    HttpResponse<String> output = get("/jobs/job/output");
    assertThat(output.statusCode()).isEqualTo(409);
    assertThat(output.body())
        .isEqualTo("job job failed: its seal says 2 tasks, but task 3 arrived\n");
    assertThat(send(HttpRequest.newBuilder(uri("/jobs/job")).DELETE()).statusCode()).isEqualTo(200);
    assertThat(get("/jobs/job").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldTellARunningJobsProgressAndKeepItsFilesBack() throws Exception {
    spool.accept(aResult("job", 0, NumberResult.complete("4", List.of("2", "2"))));

    HttpResponse<String> response = get("/jobs/job");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"job\":\"job\",\"state\":\"running\",\"tasksRecorded\":1,\"tasks\":-1,"
                + "\"numbersRecorded\":1,\"numbers\":-1,\"errors\":0}\n");
    assertThat(get("/jobs/job/output").statusCode()).isEqualTo(409);
    assertThat(send(HttpRequest.newBuilder(uri("/jobs/job")).DELETE()).statusCode()).isEqualTo(409);
  }

  @Test
  void shouldServeAWrittenJobsFilesUntilDeleted() throws Exception {
    spool.accept(
        aResult(
            "job",
            0,
            NumberResult.complete("4", List.of("2", "2")),
            NumberResult.refused("x", "'x' is not a valid positive integer")));
    spool.seal(SealMessage.of("job", 1, 2));

    assertThat(get("/jobs/job").body()).contains("\"state\":\"written\"", "\"errors\":1");
    assertThat(get("/jobs/job/output").body()).isEqualTo("4: 2 2\n");
    assertThat(get("/jobs/job/errors").body()).isEqualTo("'x' is not a valid positive integer\n");
    assertThat(get("/jobs/job/info").body()).startsWith("job 1 2 1\ntask 0 1 ");

    assertThat(send(HttpRequest.newBuilder(uri("/jobs/job")).DELETE()).statusCode()).isEqualTo(200);
    assertThat(get("/jobs/job").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldServeNoErrorsOfAJobWhoseNumbersWereAllFactored() throws Exception {
    spool.accept(aResult("job", 0, NumberResult.complete("4", List.of("2", "2"))));
    spool.seal(SealMessage.of("job", 1, 1));

    HttpResponse<String> errors = get("/jobs/job/errors");
    assertThat(errors.statusCode()).isEqualTo(200);
    assertThat(errors.body()).isEmpty();
  }

  @Test
  void shouldRefuseWhatIsNotAJob() throws Exception {
    assertThat(get("/jobs/..%2Fsecret").statusCode()).isEqualTo(400);
    assertThat(get("/jobs/.hidden").statusCode()).isEqualTo(400);
    assertThat(get("/jobs/job/output/more").statusCode()).isEqualTo(400);
    assertThat(get("/jobs/job/seal").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static ResultMessage aResult(String job, long task, NumberResult... results) {
    return ResultMessage.of(job, task, "w", 1, List.of(results));
  }
}
