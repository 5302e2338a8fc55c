package org.tribune.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClusterMessageTest {

  @Test
  void encodesTopicAndPayloadAndDecodesThemBack() {
    ClusterMessage message = new ClusterMessage("qa.session-7", "{\"seq\":12}\nsecond line");
    assertEquals(message, ClusterMessage.decode(message.encode()));
    assertEquals(new ClusterMessage("t", ""), ClusterMessage.decode("t\n"));
  }

  @Test
  void refusesBadTopicsAndOversizedEvents() {
    assertThrows(IllegalArgumentException.class, () -> new ClusterMessage("Upper", ""));
    assertThrows(IllegalArgumentException.class, () -> new ClusterMessage("has space", ""));
    assertThrows(IllegalArgumentException.class, () -> new ClusterMessage("", ""));
    assertThrows(IllegalArgumentException.class, () -> new ClusterMessage("ok", null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ClusterMessage("big", "é".repeat(ClusterMessage.MAX_BYTES / 2)));
  }

  @Test
  void ignoresNotificationsThatAreNotClusterEvents() {
    assertNull(ClusterMessage.decode(null));
    assertNull(ClusterMessage.decode("no newline"));
    assertNull(ClusterMessage.decode("\nno topic"));
    assertNull(ClusterMessage.decode("Bad Topic\nx"));
  }
}
