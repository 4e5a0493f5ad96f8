package io.factorfleet.cli.status;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.broker.PercentEncoding;
import io.factorfleet.broker.UriPasswords;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where RabbitMQ's management HTTP API is and how to log in to it. User and password are those of
 * the management URI when it has them, otherwise those of the AMQP URI, as is the virtual host.
 *
 * @param base the API's root, without user information, such as {@code http://localhost:15672}
 * @param user the user to log in as
 * @param password the user's password
 * @param virtualHost the virtual host whose queues are read, such as {@code /}
 */
public record ManagementEndpoint(URI base, String user, String password, String virtualHost) {
  public static final String DEFAULT_URI = "http://localhost:15672";

  private static final String DEFAULT_VIRTUAL_HOST = "/";

  /**
   * The API at {@code managementUri}, for the broker and virtual host of {@code broker}.
   *
   * @throws IllegalArgumentException naming what is wrong with the URI (its password masked)
   */
  public static ManagementEndpoint of(String managementUri, BrokerSettings broker) {
    URI uri;
    try {
      uri = new URI(managementUri.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "not a valid management API URI: " + UriPasswords.mask(managementUri));
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException(
          "management API URI must start with http:// or https://: "
              + UriPasswords.mask(uri.toString()));
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "management API URI has no host: " + UriPasswords.mask(uri.toString()));
    }
    URI amqp = broker.primary();
    String userInfo = uri.getRawUserInfo() != null ? uri.getRawUserInfo() : amqp.getRawUserInfo();
    String user = BrokerSettings.DEFAULT_USER;
    String password = BrokerSettings.DEFAULT_USER;
    if (userInfo != null) {
      String[] userAndPassword = userInfo.split(":", 2);
      user = PercentEncoding.decode(userAndPassword[0]);
      password = userAndPassword.length > 1 ? PercentEncoding.decode(userAndPassword[1]) : "";
    }
    return new ManagementEndpoint(stripUserInfo(uri), user, password, virtualHostOf(amqp));
  }

  /** The API's URI as a user may see it: no password. */
  public String display() {
    return base.toString();
  }

  /** The API and the user, never the password. */
  @Override
  public String toString() {
    return display() + " as " + user;
  }

  /** The value of the {@code Authorization} header of every request. */
  String authorization() {
    String credentials = user + ":" + password;
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  /** The URI of {@code path} (starting with {@code /api/}) under the API's root. */
  URI resolve(String path) {
    String root = base.toString().replaceFirst("/+$", "");
    return URI.create(root + path);
  }

  /** The virtual host the AMQP client connects to for this URI: its decoded path, or {@code /}. */
  private static String virtualHostOf(URI amqp) {
    String path = amqp.getRawPath();
    if (path == null || path.length() <= 1) {
      return DEFAULT_VIRTUAL_HOST;
    }
    return PercentEncoding.decode(path.substring(1));
  }

  private static URI stripUserInfo(URI uri) {
    try {
      return new URI(
          uri.getScheme(),
          null,
          uri.getHost(),
          uri.getPort(),
          uri.getPath(),
          uri.getQuery(),
          uri.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "not a valid management API URI: " + UriPasswords.mask(uri.toString()));
    }
  }
}
