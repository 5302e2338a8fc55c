package org.tribune.qa.entity;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.tribune.identity.entity.MemberId;

/** Builds Q&amp;A aggregates for unit tests, with ids as if they were stored. */
final class Fixtures {

  static final MemberId DELEGATE = new MemberId(1);
  static final MemberId MANAGER = new MemberId(2);
  static final MemberId LEAD = new MemberId(3);
  static final MemberId RESPONDER = new MemberId(4);
  static final MemberId OTHER_LEAD = new MemberId(5);
  static final MemberId STRANGER = new MemberId(6);

  /** Monday 2 November 2026, 09:00 UTC. */
  static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");

  private static long ids = 100;

  private Fixtures() {}

  static Department department(String name, MemberId lead, LocalDate... holidays) {
    Department d = new Department(name, lead, List.of(RESPONDER), Set.of(holidays), MONDAY);
    return withId(d, ++ids);
  }

  static Inquiry draft() {
    Inquiry inquiry =
        Inquiry.draft(
            7,
            DELEGATE,
            InquiryKind.QUESTION,
            "Battery drain overnight",
            "Why does standby drain 10% a night?",
            "I own the phone.",
            List.of(),
            List.of(),
            MONDAY);
    return withId(inquiry, ++ids);
  }

  static Inquiry submitted() {
    Inquiry inquiry = draft();
    inquiry.submit(DELEGATE, MONDAY);
    inquiry.numbered(MONDAY);
    return inquiry;
  }

  static Inquiry assigned(Department to) {
    Inquiry inquiry = submitted();
    inquiry.admit(MANAGER, MONDAY);
    inquiry.assign(to, 10, null, MANAGER, MONDAY);
    return inquiry;
  }

  static <T> T withId(T entity, long id) {
    try {
      Field field = entity.getClass().getDeclaredField("id");
      field.setAccessible(true);
      field.set(entity, id);
      return entity;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
