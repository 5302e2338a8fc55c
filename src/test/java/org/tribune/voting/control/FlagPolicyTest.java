package org.tribune.voting.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlagPolicyTest {

  @Test
  void ideaIsHiddenOnceTheThirdMemberFlagsItByDefault() {
    FlagPolicy policy = new FlagPolicy(FlagPolicy.DEFAULT_FLAGS_TO_HIDE);
    assertFalse(policy.hides(1));
    assertFalse(policy.hides(2));
    assertTrue(policy.hides(3));
    assertTrue(policy.hides(4));
  }

  @Test
  void thresholdIsConfigurable() {
    assertTrue(new FlagPolicy(1).hides(1));
    assertFalse(new FlagPolicy(5).hides(4));
  }

  @Test
  void aThresholdBelowOneIsAConfigurationError() {
    assertThrows(IllegalArgumentException.class, () -> new FlagPolicy(0));
  }
}
