package org.tribune.platform.control;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One cluster event as it travels through PostgreSQL {@code NOTIFY}: the topic, a newline, the
 * payload. PostgreSQL limits a notification to 8000 bytes, so an event carries a reference (an id,
 * a sequence number) and watchers read the rest from the database.
 */
public record ClusterMessage(String topic, String payload) {

  /** The most UTF-8 bytes of topic, newline and payload together (PostgreSQL allows 7999). */
  public static final int MAX_BYTES = 7900;

  private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");

  public ClusterMessage {
    if (topic == null || !TOPIC.matcher(topic).matches()) {
      throw new IllegalArgumentException(
          "A topic is 1 to 100 characters of a-z, 0-9, '.', '_' or '-', starting with a letter: "
              + topic);
    }
    if (payload == null) {
      throw new IllegalArgumentException("A payload is required (it may be empty)");
    }
    int bytes = (topic + "\n" + payload).getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new IllegalArgumentException(
          "A cluster event is at most " + MAX_BYTES + " bytes; this one has " + bytes);
    }
  }

  public String encode() {
    return topic + "\n" + payload;
  }

  /** The message, or null when the text is not one (someone else's notification). */
  public static ClusterMessage decode(String text) {
    if (text == null) {
      return null;
    }
    int newline = text.indexOf('\n');
    if (newline < 1) {
      return null;
    }
    try {
      return new ClusterMessage(text.substring(0, newline), text.substring(newline + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
