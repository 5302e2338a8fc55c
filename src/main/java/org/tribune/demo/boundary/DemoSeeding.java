package org.tribune.demo.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribune.identity.control.PasswordHashing;
import org.tribune.identity.entity.EmailAddress;
import org.tribune.identity.entity.Member;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.voting.control.IdeaVotes;
import org.tribune.voting.entity.Idea;
import org.tribune.voting.entity.IdeaComment;
import org.tribune.voting.entity.IdeaFlag;
import org.tribune.voting.entity.IdeaFollow;
import org.tribune.voting.entity.IdeaMerge;
import org.tribune.voting.entity.IdeaStatus;
import org.tribune.voting.entity.IdeaText;

/** The demo's transactional steps; see {@link DemoCommunity}. */
@ApplicationScoped
public class DemoSeeding {

  @PersistenceContext EntityManager em;
  @Inject PasswordHashing passwords;
  @Inject IdeaVotes votes;

  /** Who the demo has and who votes for what; ids as stored. */
  public record Cast(Map<String, Long> members, Map<String, Long> ideas, List<Ballot> ballots) {}

  public record Ballot(long member, long idea) {}

  private record Person(
      String key, String name, String type, String device, String region, String locale) {}

  private record Plan(String key, String title, String body, String author, int popularity) {}

  private static final List<Person> PEOPLE =
      List.of(
          new Person("lin", "Lin (community team)", "power_user", "Xiaomi 14", "CN-East", "zh-CN"),
          new Person("ming", "Ming", "enthusiast", "Xiaomi 14", "CN-North", "zh-CN"),
          new Person("ana", "Ana Souza", "casual", "Redmi Note 13", "BR", "en"),
          new Person("raj", "Raj Patel", "developer", "POCO F6", "IN", "en"),
          new Person("wei", "王伟", "creator", "Xiaomi 14 Ultra", "CN-South", "zh-CN"),
          new Person("ola", "Ola Nordmann", "power_user", "Xiaomi 13T", "EU-North", "en"),
          new Person("kenji", "Kenji Sato", "developer", "Xiaomi 14", "JP", "en"),
          new Person("fang", "方芳", "casual", "Redmi K70", "CN-West", "zh-CN"),
          new Person("lena", "Lena Weber", "enthusiast", "Xiaomi 13T", "EU-Central", "en"),
          new Person("tom", "Tom Okafor", "casual", "Redmi Note 13", "NG", "en"),
          new Person("yu", "于洋", "power_user", "Xiaomi 14 Ultra", "CN-North", "zh-CN"),
          new Person("sara", "Sara Haddad", "creator", "Xiaomi 14", "MENA", "en"),
          new Person("diego", "Diego Ruiz", "enthusiast", "POCO F6", "LATAM", "en"),
          new Person("hui", "李慧", "developer", "Redmi K70", "CN-East", "zh-CN"),
          new Person("ivan", "Ivan Petrov", "casual", "Redmi Note 13", "EU-East", "en"),
          new Person("mei", "陈美", "enthusiast", "Xiaomi 14", "CN-South", "zh-CN"),
          new Person("nora", "Nora Lind", "power_user", "Xiaomi 13T", "EU-North", "en"),
          new Person("sam", "Sam Lee", "developer", "Xiaomi 14 Ultra", "US", "en"));

  private static final List<Plan> IDEAS =
      List.of(
          new Plan(
              "dark",
              "Schedule dark mode by sunset and sunrise",
              "Let dark mode follow local sunset and sunrise instead of fixed hours, like the"
                  + " night light does.",
              "ana",
              14),
          new Plan(
              "battery",
              "Show which app drained the battery overnight",
              "A morning summary of overnight drain per app, with a one-tap way to restrict the"
                  + " worst offender.",
              "ola",
              16),
          new Plan(
              "recorder",
              "Built-in screen recorder with internal audio",
              "Record the screen with the phone's own audio, without a microphone, for tutorials"
                  + " and game clips.",
              "sara",
              12),
          new Plan(
              "recorder2",
              "Record screen together with system sound",
              "When I record my screen I want the game sound, not the room noise.",
              "tom",
              5),
          new Plan("lock", "锁屏显示下一个日程", "在锁屏上显示下一个日历日程和出发提醒，不用解锁就能看到。", "wei", 11),
          new Plan(
              "clipboard",
              "Clipboard history with auto-clear",
              "Keep the last 20 copied items, clear them after an hour, never sync passwords.",
              "raj",
              9),
          new Plan(
              "gestures",
              "Back gesture sensitivity per side",
              "Left-handed users need a different back-gesture sensitivity on each edge.",
              "kenji",
              7),
          new Plan(
              "charging",
              "Stop charging at 80% when on the desk all day",
              "An optimized charging mode that holds at 80% while plugged in for hours, to save"
                  + " the battery's health.",
              "lena",
              13),
          new Plan(
              "font",
              "Per-app font size",
              "Some apps are unreadable at the system font size; let me set the size per app.",
              "ivan",
              6),
          new Plan(
              "ads",
              "Remove ads from system apps",
              "System apps like the file manager and the music player show ads. Remove them.",
              "diego",
              10),
          new Plan("launcher", "桌面图标自定义形状", "希望桌面图标可以自定义圆角和形状，适配第三方图标包。", "fang", 8),
          new Plan(
              "widgets",
              "Weather widget that shows rain within the hour",
              "A minute-by-minute rain forecast on the home screen widget.",
              "nora",
              4),
          new Plan(
              "nfc",
              "NFC transit card switching by location",
              "Switch the default transit card automatically when I arrive in another city.",
              "yu",
              3),
          new Plan(
              "spam",
              "Cheap phones for free, click here",
              "Visit my shop for free phones, limited offer, click the link now.",
              "ivan",
              0));

  @Transactional
  public boolean hasIdeas() {
    return em.createQuery("SELECT COUNT(i) FROM Idea i", Long.class).getSingleResult() > 0;
  }

  @Transactional
  public Cast membersAndIdeas(Optional<String> demoPassword) {
    Instant now = Instant.now();
    Map<String, Long> members = new LinkedHashMap<>();
    for (Person p : PEOPLE) {
      String hash =
          demoPassword.isPresent() && (p.key().equals("lin") || p.key().equals("ming"))
              ? passwords.hash(demoPassword.get())
              : null;
      Member m =
          Member.register(
              EmailAddress.parse(p.key() + "@demo.example.com"),
              hash,
              p.name(),
              p.locale(),
              p.type(),
              p.device(),
              p.region(),
              now.minus(Duration.ofDays(30L + 17L * members.size())));
      if (p.key().equals("lin")) {
        m.grant(Roles.COMMUNITY_MANAGER);
      }
      em.persist(m);
      em.flush();
      members.put(p.key(), m.id().value());
    }
    Map<String, Long> ideas = new LinkedHashMap<>();
    List<Ballot> ballots = new ArrayList<>();
    int age = IDEAS.size();
    for (Plan plan : IDEAS) {
      Idea idea =
          Idea.submit(
              new IdeaText(plan.title(), plan.body()),
              new MemberId(members.get(plan.author())),
              now.minus(Duration.ofHours(9L * age--)));
      em.persist(idea);
      em.flush();
      votes.openTally(idea.id());
      ideas.put(plan.key(), idea.id());
    }
    // Each member spends at most 8 of their 10 weekly votes; popular ideas get more voters.
    int[] spent = new int[PEOPLE.size()];
    for (Plan plan : IDEAS) {
      for (int i = 0; i < PEOPLE.size() && plan.popularity() > 0; i++) {
        int voter = (i * 7 + plan.key().length()) % PEOPLE.size();
        if (i < plan.popularity() && spent[voter] < 8) {
          spent[voter]++;
          ballots.add(new Ballot(members.get(PEOPLE.get(voter).key()), ideas.get(plan.key())));
        }
      }
    }
    comment(ideas.get("battery"), members.get("ming"), "每天早上都要猜是哪个应用耗电，强烈支持。");
    comment(ideas.get("battery"), members.get("raj"), "Please include wake-lock counts as well.");
    comment(ideas.get("dark"), members.get("kenji"), "Sunset time should come from the location.");
    comment(ideas.get("ads"), members.get("lin"), "Thanks — the product team will answer this.");
    for (String who : List.of("ming", "raj", "lena")) {
      em.persist(new IdeaFollow(new MemberId(members.get(who)), ideas.get("battery"), now));
    }
    return new Cast(members, ideas, ballots);
  }

  @Transactional
  public void lifeCycles(Cast cast) {
    Instant now = Instant.now();
    MemberId lin = new MemberId(cast.members().get("lin"));
    Map<String, Long> ideas = cast.ideas();

    step(
        ideas.get("clipboard"),
        IdeaStatus.UNDER_REVIEW,
        "The privacy team is reviewing it.",
        null,
        lin,
        now);

    step(ideas.get("lock"), IdeaStatus.UNDER_REVIEW, "Looks feasible.", null, lin, now);
    step(
        ideas.get("lock"),
        IdeaStatus.PLANNED,
        "Planned for the weekly build.",
        "V816.0.24.12.2",
        lin,
        now);

    step(ideas.get("charging"), IdeaStatus.UNDER_REVIEW, "Battery team looking.", null, lin, now);
    step(ideas.get("charging"), IdeaStatus.PLANNED, "Scheduled.", "V816.0.24.11.25", lin, now);
    step(ideas.get("charging"), IdeaStatus.IN_PROGRESS, "In development.", null, lin, now);

    step(ideas.get("dark"), IdeaStatus.UNDER_REVIEW, "Good one.", null, lin, now);
    step(ideas.get("dark"), IdeaStatus.PLANNED, "Next build.", "V816.0.24.11.18", lin, now);
    step(ideas.get("dark"), IdeaStatus.IN_PROGRESS, "Being built.", null, lin, now);
    step(
        ideas.get("dark"),
        IdeaStatus.SHIPPED,
        "Shipped in the weekly build.",
        "V816.0.24.11.18",
        lin,
        now);

    step(ideas.get("battery"), IdeaStatus.UNDER_REVIEW, "Top voted this month.", null, lin, now);
    step(ideas.get("battery"), IdeaStatus.PLANNED, "Planned.", "V816.0.24.11.11", lin, now);
    step(ideas.get("battery"), IdeaStatus.IN_PROGRESS, "In development.", null, lin, now);
    step(ideas.get("battery"), IdeaStatus.SHIPPED, "Shipped.", "V816.0.24.11.11", lin, now);
    step(
        ideas.get("battery"),
        IdeaStatus.VERIFIED,
        "Voters confirmed it solved the problem.",
        null,
        lin,
        now);

    step(
        ideas.get("ads"),
        IdeaStatus.DECLINED,
        "Not decided by the community programme; passed to the business team with your votes.",
        null,
        lin,
        now);

    long from = ideas.get("recorder2");
    long into = ideas.get("recorder");
    Idea duplicate = em.find(Idea.class, from);
    duplicate.mergeInto(
        em.find(Idea.class, into), "Same request as the screen recorder idea.", lin, now);
    IdeaVotes.MergeResult merged = votes.merge(from, into);
    em.persist(
        new IdeaMerge(
            from,
            into,
            merged.moved(),
            merged.dropped(),
            "Same request as the screen recorder idea.",
            lin,
            now));

    long spam = ideas.get("spam");
    for (String who : List.of("ana", "lena", "sam")) {
      em.persist(
          new IdeaFlag(new MemberId(cast.members().get(who)), spam, "Spam, not an idea.", now));
    }
    em.find(Idea.class, spam).hidePendingReview(now);
  }

  private void step(
      long ideaId, IdeaStatus to, String reason, String build, MemberId actor, Instant now) {
    Idea idea = em.find(Idea.class, ideaId);
    boolean wasClosed = idea.status().closed();
    idea.changeStatus(to, reason, build, actor, now);
    if (to.closed() && !wasClosed) {
      votes.closeVoting(ideaId);
    }
  }

  private void comment(long ideaId, long author, String body) {
    em.persist(new IdeaComment(ideaId, new MemberId(author), body, Instant.now()));
  }
}
