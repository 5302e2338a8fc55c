package org.tribune.selection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribune.platform.entity.DomainException;

class RoundDrawTest {

  private static final List<RoundDraw.Volunteer> POOL =
      List.of(
          new RoundDraw.Volunteer(11, "developer", "EU, North", "Redmi"),
          new RoundDraw.Volunteer(12, "developer", "IN", null),
          new RoundDraw.Volunteer(13, "casual", "IN", "POCO"),
          new RoundDraw.Volunteer(14, "casual", "BR", "Redmi"),
          new RoundDraw.Volunteer(15, "creator", "BR", "Xiaomi 14"),
          new RoundDraw.Volunteer(16, "casual", "JP", "POCO"));

  @Test
  void categoriesAQuotaNamesAreCompletedWithThePoolsOtherValuesUnconstrained() {
    List<Quota> completed =
        RoundDraw.completed(POOL, List.of(new Quota("member_type", "developer", 1, 1)), 3);
    assertEquals(
        List.of(
            new Quota("member_type", "developer", 1, 1),
            new Quota("member_type", "casual", 0, 3),
            new Quota("member_type", "creator", 0, 3)),
        completed);
  }

  @Test
  void aRoundWithoutQuotasIsDrawnOverMemberTypeWithNoConstraint() {
    List<Quota> completed = RoundDraw.completed(POOL, List.of(), 2);
    assertEquals(3, completed.size());
    assertTrue(completed.stream().allMatch(q -> q.min() == 0 && q.max() == 2), "" + completed);
  }

  @Test
  void theFilesAreTheSortitionFoundationsWithMissingValuesAsNone() {
    RoundDraw.Files files =
        RoundDraw.files(POOL, List.of(new Quota("region", "EU, North", 1, 1)), 3);
    assertEquals(
        "category,feature,min,max\n"
            + "region,\"EU, North\",1,1\n"
            + "region,IN,0,3\n"
            + "region,BR,0,3\n"
            + "region,JP,0,3\n",
        files.categoriesCsv());
    assertTrue(
        files.respondentsCsv().startsWith("id,member_type,region,device_line\n"),
        files.respondentsCsv());
    assertTrue(files.respondentsCsv().contains("\n12,developer,IN,none\n"), files.respondentsCsv());
    assertTrue(
        files.respondentsCsv().contains("\n11,developer,\"EU, North\",Redmi\n"),
        files.respondentsCsv());
  }

  @Test
  void oneDeveloperOfTwoAmongThreeSeatsGivesEachDeveloperOneHalf() {
    // Seats 3, exactly one developer: each developer 1/2; the other 2 seats go to the 4 others,
    // LEXIMIN spreads them evenly: 2/4 each. Every volunteer 0.5.
    RoundDraw.Files files =
        RoundDraw.files(POOL, List.of(new Quota("member_type", "developer", 1, 1)), 3);
    SortitionResult r = RoundDraw.draw(files, 3, "round-seed");
    for (String id : List.of("11", "12", "13", "14", "15", "16")) {
      assertEquals(0.5, r.probabilities().get(id), 1e-6, id);
    }
    assertEquals(3, r.panel().size());
    assertEquals(
        1, r.panel().stream().filter(id -> id.equals("11") || id.equals("12")).count(), "" + r);
    SortitionResult again = RoundDraw.draw(files, 3, "round-seed");
    assertEquals(r.panel(), again.panel());
  }

  @Test
  void theDrawIsThePublicAuditsDrawOfTheSameFiles() {
    RoundDraw.Files files =
        RoundDraw.files(
            POOL,
            List.of(new Quota("member_type", "casual", 1, 2), new Quota("region", "BR", 1, 1)),
            3);
    SortitionResult round = RoundDraw.draw(files, 3, "s");
    List<Quota> quotas = SortitionCsv.categories(files.categoriesCsv());
    SortitionResult audit =
        Sortition.select(
            SortitionCsv.respondents(files.respondentsCsv(), quotas),
            quotas,
            3,
            SortitionMethod.LEXIMIN,
            "s");
    assertEquals(audit.probabilities(), round.probabilities());
    assertEquals(audit.panel(), round.panel());
  }

  @Test
  void aMinimumThePoolCannotMeetIsInfeasibleNamingTheQuota() {
    RoundDraw.Files files =
        RoundDraw.files(POOL, List.of(new Quota("member_type", "creator", 2, 3)), 3);
    DomainException e = assertThrows(DomainException.class, () -> RoundDraw.draw(files, 3, "s"));
    assertEquals("sortition-infeasible", e.type());
    assertEquals("member_type", e.extensions().get("category"));
    assertEquals("creator", e.extensions().get("feature"));
  }
}
