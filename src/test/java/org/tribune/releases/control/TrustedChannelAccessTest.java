package org.tribune.releases.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;

class TrustedChannelAccessTest {

  private static final Optional<MemberId> NOBODY = Optional.empty();
  private static final Optional<MemberId> ANN = Optional.of(new MemberId(1));
  private static final Optional<MemberId> BO = Optional.of(new MemberId(2));

  @Test
  void aDeviceTokenAnswersForItsOwnMemberOnly() {
    assertEquals(ANN.get(), TrustedChannelAccess.subject(ANN, NOBODY, false, NOBODY));
    assertEquals(ANN.get(), TrustedChannelAccess.subject(ANN, NOBODY, false, ANN));
    assertEquals(ANN.get(), TrustedChannelAccess.subject(ANN, BO, true, NOBODY));
    assertEquals("FORBIDDEN", kind(() -> TrustedChannelAccess.subject(ANN, NOBODY, true, BO)));
  }

  @Test
  void aSignedInMemberAsksForThemselvesAndAManagerForAnyone() {
    assertEquals(BO.get(), TrustedChannelAccess.subject(NOBODY, BO, false, NOBODY));
    assertEquals(BO.get(), TrustedChannelAccess.subject(NOBODY, BO, false, BO));
    assertEquals(ANN.get(), TrustedChannelAccess.subject(NOBODY, BO, true, ANN));
    assertEquals("FORBIDDEN", kind(() -> TrustedChannelAccess.subject(NOBODY, BO, false, ANN)));
  }

  @Test
  void nobodyElseLearnsWhoIsATester() {
    assertEquals(
        "UNAUTHENTICATED", kind(() -> TrustedChannelAccess.subject(NOBODY, NOBODY, false, ANN)));
    assertEquals(
        "UNAUTHENTICATED", kind(() -> TrustedChannelAccess.subject(NOBODY, NOBODY, false, NOBODY)));
  }

  private static String kind(Runnable call) {
    return assertThrows(DomainException.class, call::run).kind().name();
  }
}
