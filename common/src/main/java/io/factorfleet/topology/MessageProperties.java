package io.factorfleet.topology;

import com.rabbitmq.client.AMQP;
import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.UnitMessage;
import io.factorfleet.wire.WireCodec;
import java.util.Date;

/**
 * The AMQP properties of messages that more than one program publishes, as docs/wire.md lists them,
 * kept in one place so that the command line's coordinator and the aggregator service's write them
 * alike.
 */
public final class MessageProperties {
  private MessageProperties() {}

  /**
   * A unit of a hard number: type {@code fleet.unit}, message id {@code job/number/unit/id},
   * correlation id the job, persistent, its answer to come to {@code replyTo}.
   */
  public static AMQP.BasicProperties unit(UnitMessage unit, String replyTo) {
    return new AMQP.BasicProperties.Builder()
        .contentType(WireCodec.CONTENT_TYPE)
        .type(MessageKind.UNIT.type())
        .messageId(unit.job() + "/" + unit.number() + "/unit/" + unit.unit())
        .correlationId(unit.job())
        .replyTo(replyTo)
        .deliveryMode(2)
        // Workers measure how long units wait in the queue from it, as for tasks.
        .timestamp(new Date())
        .build();
  }
}
