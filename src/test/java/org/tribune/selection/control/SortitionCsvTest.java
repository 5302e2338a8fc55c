package org.tribune.selection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.platform.entity.DomainException;

class SortitionCsvTest {

  private static final List<Quota> QUOTAS =
      List.of(
          new Quota("gender", "female", 1, 2),
          new Quota("gender", "male", 1, 2),
          new Quota("region", "north, upper", 0, 2),
          new Quota("region", "south", 0, 2));

  @Test
  void readsTheFoundationsCategoriesFileWithNameForFeatureAndQuotedCommas() {
    List<Quota> quotas =
        SortitionCsv.categories(
            "category,name,min,max\r\ngender,female,1,2\r\nregion,\"north, upper\",0,2\r\n");
    assertEquals(
        List.of(new Quota("gender", "female", 1, 2), new Quota("region", "north, upper", 0, 2)),
        quotas);
  }

  @Test
  void respondentsWithoutAnIdColumnAreNumberedFromZeroAndExtraColumnsAreIgnored() {
    List<Respondent> respondents =
        SortitionCsv.respondents(
            "email,gender,region\n\na@x,female,\"north, upper\"\nb@x,male,south\n", QUOTAS);
    assertEquals(2, respondents.size());
    assertEquals("0", respondents.get(0).id());
    assertEquals(
        Map.of("gender", "female", "region", "north, upper"), respondents.get(0).features());
    assertEquals("1", respondents.get(1).id());
  }

  @Test
  void anIdColumnGivesTheIds() {
    List<Respondent> respondents =
        SortitionCsv.respondents("ID,gender,region\nr-7,male,south\n", QUOTAS);
    assertEquals("r-7", respondents.get(0).id());
  }

  @Test
  void aMissingCategoryColumnIsNamed() {
    DomainException e =
        assertThrows(
            DomainException.class, () -> SortitionCsv.respondents("id,gender\n1,male\n", QUOTAS));
    assertTrue(e.getMessage().contains("no column \"region\""), e.getMessage());
  }

  @Test
  void aBadNumberIsReportedWithItsLine() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () ->
                SortitionCsv.categories(
                    "category,feature,min,max\ngender,female,1,2\ngender,male,x,2\n"));
    assertEquals("invalid-input", e.type());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void aShortRowIsReportedWithItsLine() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> SortitionCsv.respondents("id,gender,region\n1,male,south\n2,female\n", QUOTAS));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void anUnclosedQuoteIsRejected() {
    assertThrows(
        DomainException.class,
        () -> SortitionCsv.categories("category,feature,min,max\n\"gender,female,1,2\n"));
  }
}
