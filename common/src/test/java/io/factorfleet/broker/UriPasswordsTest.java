package io.factorfleet.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UriPasswordsTest {
  @Test
  void shouldMaskThePasswordAndKeepTheUser() {
    assertThat(UriPasswords.mask("amqp://fleet:s3cret@rabbitmq:5672/%2F"))
        .isEqualTo("amqp://fleet:****@rabbitmq:5672/%2F");
  }

  @Test
  void shouldMaskEveryUriOfAListAndOfAText() {
    assertThat(
            UriPasswords.mask(
                "nodes amqp://u:one@n1:5672/%2F,amqps://u:two@n2/vh and http://admin:three@m:15672"))
        .isEqualTo(
            "nodes amqp://u:****@n1:5672/%2F,amqps://u:****@n2/vh and http://admin:****@m:15672");
  }

  @Test
  void shouldMaskAPasswordHoldingCharactersThatShouldHaveBeenEncoded() {
    assertThat(UriPasswords.mask("amqp://fleet:p@ss:w,rd@rabbitmq/%2F"))
        .isEqualTo("amqp://fleet:****@rabbitmq/%2F");
    assertThat(UriPasswords.mask("amqp://fleet:a%40b@rabbitmq/%2F"))
        .isEqualTo("amqp://fleet:****@rabbitmq/%2F");
  }

  @Test
  void shouldMaskAnEmptyPassword() {
    assertThat(UriPasswords.mask("amqp://fleet:@rabbitmq")).isEqualTo("amqp://fleet:****@rabbitmq");
  }

  @Test
  void shouldLeaveUrisWithoutPasswordAndOtherTextAlone() {
    for (String text :
        new String[] {
          "amqp://fleet@rabbitmq:5672/%2F",
          "amqp://rabbitmq:5672/%2F,amqp://n2:5672/%2F",
          "http://localhost:15672",
          "mail fleet@example.com at 10:30",
          ""
        }) {
      assertThat(UriPasswords.mask(text)).isEqualTo(text);
    }
    assertThat(UriPasswords.mask(null)).isNull();
  }

  @Test
  void shouldNotTakeThePortOfOneUriForThePasswordOfTheNext() {
    assertThat(UriPasswords.mask("amqp://n1:5672,amqp://u:secret@n2"))
        .isEqualTo("amqp://n1:5672,amqp://u:****@n2");
  }
}
