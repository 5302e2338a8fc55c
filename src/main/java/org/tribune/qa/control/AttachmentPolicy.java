package org.tribune.qa.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a file attached to an inquiry may be: a PDF, PNG, JPEG or UTF-8 plain text, at most {@code
 * maxBytes}, whose first bytes agree with the declared type (a file that claims to be a PNG but is
 * not is refused rather than served under a false type), with a plain file name. Attachments are
 * public with their inquiry, so nothing that a browser would run is accepted.
 */
public final class AttachmentPolicy {

  /** The content types accepted, in their canonical spelling. */
  public static final List<String> TYPES =
      List.of("application/pdf", "image/png", "image/jpeg", "text/plain");

  public static final int MAX_NAME = 200;

  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  private final int maxBytes;

  public AttachmentPolicy(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.maxBytes = maxBytes;
  }

  public int maxBytes() {
    return maxBytes;
  }

  /** Why a file is refused, as the field it concerns and a message; empty when it is accepted. */
  public record Refusal(Kind kind, String field, String message) {}

  public enum Kind {
    INVALID,
    TOO_LARGE,
    UNSUPPORTED_TYPE
  }

  /** The declared type without parameters, lower case ({@code image/png}), or null. */
  public static String baseType(String declared) {
    if (declared == null) {
      return null;
    }
    int semicolon = declared.indexOf(';');
    String base = (semicolon < 0 ? declared : declared.substring(0, semicolon)).strip();
    return base.toLowerCase(Locale.ROOT);
  }

  /** The last path segment of a client's file name, stripped; null if nothing usable is left. */
  public static String fileName(String submitted) {
    if (submitted == null) {
      return null;
    }
    String name = submitted;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1).strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return null;
    }
    return name;
  }

  public Optional<Refusal> check(String fileName, String declaredType, byte[] content) {
    String name = fileName(fileName);
    if (name == null) {
      return refuse(Kind.INVALID, "file", "a file name is required");
    }
    if (name.length() > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
      return refuse(
          Kind.INVALID, "file", "the file name must be 1–" + MAX_NAME + " printable characters");
    }
    if (content == null || content.length == 0) {
      return refuse(Kind.INVALID, "file", "the file is empty");
    }
    if (content.length > maxBytes) {
      return refuse(Kind.TOO_LARGE, "file", "files are limited to " + maxBytes + " bytes");
    }
    String type = baseType(declaredType);
    if (type == null || !TYPES.contains(type)) {
      return refuse(
          Kind.UNSUPPORTED_TYPE,
          "file",
          "the type must be one of " + String.join(", ", TYPES) + ", not " + declaredType);
    }
    if (!looksLike(type, content)) {
      return refuse(Kind.UNSUPPORTED_TYPE, "file", "the file's content is not " + type);
    }
    return Optional.empty();
  }

  static boolean looksLike(String type, byte[] content) {
    return switch (type) {
      case "application/pdf" -> startsWith(content, PDF);
      case "image/png" -> startsWith(content, PNG);
      case "image/jpeg" -> startsWith(content, JPEG);
      case "text/plain" -> isUtf8Text(content);
      default -> false;
    };
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUtf8Text(byte[] content) {
    for (byte b : content) {
      if (b == 0) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static Optional<Refusal> refuse(Kind kind, String field, String message) {
    return Optional.of(new Refusal(kind, field, message));
  }
}
