package org.tribune.qa.boundary;

/** Something named by id, as views show it: a member, a department, a session. */
public record Ref(long id, String name) {}
