package org.tribune.qa.control;

import java.util.ArrayList;
import java.util.List;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.DomainException.FieldError;

/**
 * The admissibility rules an inquiry must meet before it is filed, configurable per deployment
 * ({@code tribune.qa.max-text-length}, {@code tribune.qa.max-sub-questions}): a length limit, and
 * at most a few sub-questions, counted as question marks (ASCII or full-width) so that "and also…?"
 * chains are split into separate inquiries that can each be answered and tracked.
 */
public final class Admissibility {

  private final int maxLength;
  private final int maxSubQuestions;

  public Admissibility(int maxLength, int maxSubQuestions) {
    this.maxLength = maxLength;
    this.maxSubQuestions = maxSubQuestions;
  }

  public static int subQuestions(String text) {
    if (text == null) {
      return 0;
    }
    int count = 0;
    boolean previous = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean mark = c == '?' || c == '？';
      if (mark && !previous) {
        count++;
      }
      previous = mark;
    }
    return count;
  }

  /** Throws {@code 422 inadmissible} naming each broken rule. */
  public void check(String heading, String text) {
    List<FieldError> errors = new ArrayList<>();
    int length = text == null ? 0 : text.strip().length();
    if (length > maxLength) {
      errors.add(new FieldError("text", "must be at most " + maxLength + " characters"));
    }
    int questions = subQuestions(heading) + subQuestions(text);
    if (questions > maxSubQuestions) {
      errors.add(
          new FieldError(
              "text",
              "asks "
                  + questions
                  + " questions; at most "
                  + maxSubQuestions
                  + " — file the others separately"));
    }
    if (!errors.isEmpty()) {
      throw new DomainException(
              DomainException.Kind.UNPROCESSABLE,
              "inadmissible",
              "Inquiry inadmissible",
              errors.stream().map(FieldError::message).reduce((a, b) -> a + "; " + b).get(),
              errors)
          .with("maxLength", maxLength)
          .with("maxSubQuestions", maxSubQuestions);
    }
  }

  public int maxLength() {
    return maxLength;
  }

  public int maxSubQuestions() {
    return maxSubQuestions;
  }
}
