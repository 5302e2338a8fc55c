package org.tribune.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribune.platform.entity.DomainException;

class MemberTest {

  private static Member ana() {
    return Member.register(
        new EmailAddress("ana@example.org"),
        "hash",
        " Ana ",
        "zh-CN",
        "power_user",
        "",
        "EU",
        Instant.parse("2026-03-01T23:30:00Z"));
  }

  @Test
  void aNewMemberHasOnlyTheMemberRole() {
    assertEquals(Set.of(Roles.MEMBER), ana().roles());
  }

  @Test
  void joinedOnIsTheUtcDate() {
    assertEquals(LocalDate.parse("2026-03-01"), ana().joinedOn());
  }

  @Test
  void blanksAreTrimmedOrDropped() {
    Member m = ana();
    assertEquals("Ana", m.displayName());
    assertEquals(null, m.deviceLine());
  }

  @Test
  void everyBrokenFieldIsNamedAtOnce() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () ->
                Member.register(
                    new EmailAddress("a@example.org"),
                    "h",
                    "",
                    "fr",
                    "lurker",
                    null,
                    null,
                    Instant.now()));
    assertEquals(
        List.of("displayName", "locale", "memberType"),
        e.errors().stream().map(DomainException.FieldError::field).toList());
  }

  @Test
  void theMemberRoleCannotBeTakenAway() {
    Member m = ana();
    m.replaceRoles(List.of(Roles.ADMIN));
    assertEquals(Set.of(Roles.MEMBER, Roles.ADMIN), m.roles());
  }

  @Test
  void unknownRolesAreRefused() {
    assertThrows(DomainException.class, () -> ana().replaceRoles(List.of("superuser")));
  }

  @Test
  void profileChangeLeavesAbsentFieldsAlone() {
    Member m = ana();
    m.changeProfile(null, "en");
    assertEquals("Ana", m.displayName());
    assertEquals("en", m.locale());
    assertTrue(m.has(Roles.MEMBER));
  }
}
