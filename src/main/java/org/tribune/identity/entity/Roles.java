package org.tribune.identity.entity;

import java.util.List;

/**
 * The role names, as used in {@code @RolesAllowed} and stored on members. Every signed-in member
 * has {@link #MEMBER}; the others are granted by an admin (or by a selection, for delegates). A
 * responder is further scoped to a department: the role alone grants nothing of another
 * department's.
 */
public final class Roles {
  public static final String MEMBER = "member";
  public static final String TRUSTED_TESTER = "trusted_tester";
  public static final String DELEGATE = "delegate";
  public static final String RESPONDER = "responder";
  public static final String COMMUNITY_MANAGER = "community_manager";
  public static final String ADMIN = "admin";

  public static final List<String> ALL =
      List.of(MEMBER, TRUSTED_TESTER, DELEGATE, RESPONDER, COMMUNITY_MANAGER, ADMIN);

  private Roles() {}
}
