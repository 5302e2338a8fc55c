package org.tribune.ledger.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerEntryFormatTest {

  enum Outcome {
    ACCEPTED
  }

  @Test
  void theLeafIsCanonicalJsonWithSeqTypeAndAtInMilliseconds() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("z", List.of(1, "two", true));
    fields.put("outcome", Outcome.ACCEPTED);
    fields.put("due", LocalDate.of(2027, 3, 1));
    fields.put("when", Instant.parse("2027-01-01T00:00:00Z"));
    fields.put("id", UUID.fromString("00000000-0000-0000-0000-000000000001"));
    fields.put("none", null);
    byte[] leaf =
        LedgerEntryFormat.leaf(
            7,
            "answer.published",
            Instant.parse("2027-01-15T09:30:00.1239Z"),
            LedgerEntryFormat.normalize(fields));
    assertEquals(
        "{\"at\":\"2027-01-15T09:30:00.123Z\",\"due\":\"2027-03-01\","
            + "\"id\":\"00000000-0000-0000-0000-000000000001\",\"none\":null,"
            + "\"outcome\":\"ACCEPTED\",\"seq\":7,\"type\":\"answer.published\","
            + "\"when\":\"2027-01-01T00:00:00.000Z\",\"z\":[1,\"two\",true]}",
        new String(leaf, StandardCharsets.UTF_8));
  }

  @Test
  void jsonPValuesBecomeJavaValuesSoTheyCanBeFiltered() {
    Map<String, Object> fields =
        LedgerEntryFormat.normalize(
            Json.createObjectBuilder()
                .add("department", "camera")
                .add("flag", true)
                .add("n", 3)
                .addNull("gone")
                .build());
    assertEquals("camera", LedgerEntryFormat.topLevelString(fields, "department", 200));
    assertEquals(Boolean.TRUE, fields.get("flag"));
    assertNull(fields.get("gone"));
    assertEquals(
        "{\"department\":\"camera\",\"flag\":true,\"gone\":null,\"n\":3}",
        CanonicalJson.text(fields));
  }

  @Test
  void typesAreLowerCaseWordsAndReservedNamesAreRefused() {
    LedgerEntryFormat.checkType("inquiry.revision-requested");
    LedgerEntryFormat.checkType("plan_completed");
    for (String bad : new String[] {"", "Answer", "a..b", ".a", "a.", "a b", "a".repeat(65)}) {
      assertThrows(IllegalArgumentException.class, () -> LedgerEntryFormat.checkType(bad), bad);
    }
    for (String reserved : LedgerEntryFormat.RESERVED) {
      assertThrows(
          IllegalArgumentException.class,
          () -> LedgerEntryFormat.normalize(Map.of(reserved, "x")),
          reserved);
    }
    assertThrows(IllegalArgumentException.class, () -> LedgerEntryFormat.normalize(null));
  }

  @Test
  void searchTextHoldsTheLowerCasedStringsNestedOrNot() {
    assertEquals(
        "answer.published camera night mode 5",
        LedgerEntryFormat.searchText(
            "answer.published",
            Map.of("department", "camera", "nested", Map.of("list", List.of("Night Mode", 5)))));
  }
}
