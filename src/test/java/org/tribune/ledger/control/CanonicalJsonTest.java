package org.tribune.ledger.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void membersAreSortedByUtf16CodeUnitsNotCodePoints() {
    // The sorting example of RFC 8785 §3.2.3: U+1F600 sorts before U+FB33 because its high
    // surrogate 0xD83D is smaller, although its code point is larger.
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("\u20ac", "Euro Sign");
    entry.put("\r", "Carriage Return");
    entry.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
    entry.put("1", "One");
    entry.put("\ud83d\ude00", "Emoji: Grinning Face");
    entry.put("\u0080", "Control");
    entry.put("\u00f6", "Latin Small Letter O With Diaeresis");
    assertEquals(
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
            + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
            + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
            + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
        CanonicalJson.text(entry));
  }

  @Test
  void theSameEntryGivesTheSameBytesWhateverTheInsertionOrder() {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("seq", 7);
    one.put("type", "answer.published");
    one.put("at", "2027-01-08T10:00:00Z");
    Map<String, Object> other = new HashMap<>();
    other.put("at", "2027-01-08T10:00:00Z");
    other.put("type", "answer.published");
    other.put("seq", 7L);
    assertArrayEquals(CanonicalJson.bytes(one), CanonicalJson.bytes(other));
    assertEquals(
        "{\"at\":\"2027-01-08T10:00:00Z\",\"seq\":7,\"type\":\"answer.published\"}",
        CanonicalJson.text(one));
  }

  @Test
  void nestedObjectsAndArraysHaveNoWhitespaceAndArraysKeepTheirOrder() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("z", List.of(3, 1, 2));
    entry.put("a", Map.of("y", true, "x", false));
    entry.put("m", Arrays.asList(null, List.of(), Map.of()));
    assertEquals(
        "{\"a\":{\"x\":false,\"y\":true},\"m\":[null,[],{}],\"z\":[3,1,2]}",
        CanonicalJson.text(entry));
  }

  @Test
  void chineseTextStaysLiteralAndIsEncodedAsUtf8() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("问题", "退款为什么这么慢？");
    entry.put("部门", "售后服务");
    // 部 (U+90E8) sorts before 问 (U+95EE).
    String expected = "{\"部门\":\"售后服务\",\"问题\":\"退款为什么这么慢？\"}";
    assertEquals(expected, CanonicalJson.text(entry));
    assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), CanonicalJson.bytes(entry));
    assertEquals(3, "部".getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void stringsEscapeOnlyWhatJsonRequiresWithShortFormsFirst() {
    // After the string example of RFC 8785 §3.2.2.2.
    assertEquals(
        "\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"", CanonicalJson.text("\u20ac$\u000F\nA'B\"\\\\\"/"));
    assertEquals("\"\\b\\f\\n\\r\\t\\u0000\\u001f\"", CanonicalJson.text("\b\f\n\r\t\u0000\u001f"));
    assertEquals(
        "\"\u007f\u2028\u2029</script>\"", CanonicalJson.text("\u007f\u2028\u2029</script>"));
    assertEquals("\"\ud83d\ude00\"", CanonicalJson.text("\ud83d\ude00"));
  }

  @Test
  void aLoneSurrogateIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.text("a\ud83d"));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.text("\ude00b"));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.text(Map.of("\ud800", 1)));
  }

  @Test
  void integersAreWrittenAsPlainDecimalsUpToTheSafeLimit() {
    assertEquals(
        "[0,-1,42,9007199254740991,-9007199254740991,7,8]",
        CanonicalJson.text(
            List.of(
                0,
                -1,
                42L,
                CanonicalJson.MAX_SAFE_INTEGER,
                BigInteger.valueOf(-CanonicalJson.MAX_SAFE_INTEGER),
                (short) 7,
                (byte) 8)));
    IllegalArgumentException tooBig =
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.text(1L << 53));
    assertTrue(tooBig.getMessage().contains("2^53"), tooBig.getMessage());
  }

  @Test
  void fractionsAreRefusedWithAReason() {
    for (Object fraction : List.of(1.5, 1.0, 2.5f, new BigDecimal("0.1"))) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> CanonicalJson.text(List.of(fraction)));
      assertTrue(refused.getMessage().contains("integers only"), refused.getMessage());
    }
  }

  @Test
  void valuesWithoutAJsonFormAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.text(Instant.EPOCH));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.text(Map.of(1, "one")));
  }

  @Test
  void jsonPValuesCanonicaliseLikeTheirJavaCounterparts() {
    String sent = "{ \"b\" : [ 1 , 2.0E1 , \"二\" ], \"a\" : { \"d\" : null, \"c\" : true } }";
    try (JsonReader reader = Json.createReader(new StringReader(sent))) {
      assertEquals(
          "{\"a\":{\"c\":true,\"d\":null},\"b\":[1,20,\"二\"]}",
          CanonicalJson.text(reader.readObject()));
    }
    try (JsonReader reader = Json.createReader(new StringReader("[0.5]"))) {
      assertThrows(IllegalArgumentException.class, () -> CanonicalJson.text(reader.readArray()));
    }
  }
}
