package org.tribune.selection.control;

import org.tribune.platform.entity.DomainException;

/**
 * A {@code .blt} file that cannot be read, with the 1-based line where reading stopped so that the
 * person who produced the file can find the mistake.
 */
public class BltFormatException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final int line;

  public BltFormatException(int line, String message) {
    super(Kind.INVALID, "blt-format", "Malformed BLT file", "line " + line + ": " + message);
    this.line = line;
    with("line", line);
  }

  public int line() {
    return line;
  }
}
