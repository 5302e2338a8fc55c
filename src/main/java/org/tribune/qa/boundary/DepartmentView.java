package org.tribune.qa.boundary;

import java.time.LocalDate;
import java.util.List;

/** A department with its lead, responders and holidays. */
public record DepartmentView(
    long id, String name, Ref lead, List<Ref> responders, List<LocalDate> holidays) {}
