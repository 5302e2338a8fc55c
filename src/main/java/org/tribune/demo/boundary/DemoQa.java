package org.tribune.demo.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.tribune.identity.entity.Member;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.qa.boundary.PublicRecord;
import org.tribune.qa.entity.Answer;
import org.tribune.qa.entity.Department;
import org.tribune.qa.entity.ImprovementPlan;
import org.tribune.qa.entity.Inquiry;
import org.tribune.qa.entity.InquiryEvent;
import org.tribune.qa.entity.InquiryKind;
import org.tribune.qa.entity.OutcomeClass;
import org.tribune.qa.entity.PlanStatus;
import org.tribune.qa.entity.QaSession;
import org.tribune.qa.entity.ReasonCode;
import org.tribune.qa.entity.ReleaseMode;
import org.tribune.qa.entity.Satisfaction;

/**
 * The demo's Q&amp;A: a finished delegates' session with inquiries in every state, answers, a
 * holding answer, a correction, a transfer, and improvement plans with sub-plans and milestones —
 * each public step appended to the response ledger, so the ledger has content from the first start.
 * Steps are dated in the past so that due dates, overdue markers and timeliness show.
 */
@ApplicationScoped
public class DemoQa {

  @PersistenceContext EntityManager em;
  @Inject PublicRecord record;

  private Instant now;

  @Transactional
  public void seed(Map<String, Long> members) {
    now = Instant.now();
    MemberId lin = grant(members, "lin", Roles.COMMUNITY_MANAGER);
    MemberId ming = grant(members, "ming", Roles.DELEGATE);
    MemberId ana = grant(members, "ana", Roles.DELEGATE);
    MemberId wei = grant(members, "wei", Roles.DELEGATE);
    MemberId ola = grant(members, "ola", Roles.DELEGATE);
    MemberId raj = grant(members, "raj", Roles.RESPONDER);
    MemberId kenji = grant(members, "kenji", Roles.RESPONDER);
    MemberId sara = grant(members, "sara", Roles.RESPONDER);
    MemberId nora = grant(members, "nora", Roles.RESPONDER);

    Department system =
        department("System & battery", raj, List.of(kenji), List.of(LocalDate.of(2026, 10, 1)));
    Department camera = department("Camera", sara, List.of(nora), List.of());
    Department community = department("Community programme", lin, List.of(), List.of());

    QaSession session =
        new QaSession(
            "2026 autumn delegates' session",
            day(20),
            ago(70),
            ago(40),
            ReleaseMode.HELD,
            List.of(ming, ana, wei, ola),
            ago(75));
    session.record(
        "https://video.example.com/tribune/2026-autumn",
        "https://video.example.com/tribune/2026-autumn/transcript",
        "Twelve inquiries were discussed. The battery team presented its standby-drain plan;"
            + " the camera team corrected its first answer on night mode.");
    em.persist(session);
    em.flush();
    long s = session.id();

    Inquiry drain =
        answered(
            s,
            ming,
            "Standby battery drain overnight",
            "Phones lose 8–10% overnight in standby since the last update. What is the cause?",
            system,
            lin,
            kenji,
            raj,
            "A sync service held wake-locks. The fix ships in the next weekly build, and a plan"
                + " tracks the remaining work.",
            OutcomeClass.ACCEPTED,
            60);
    schedule(drain, 1, lin, 21);
    discuss(drain, lin, 20);
    publish(drain, lin, 20);
    classify(drain, ming, Satisfaction.SATISFIED, 19);

    Inquiry night =
        answered(
            s,
            ana,
            "Night mode photos are blurry",
            "Night mode on the Redmi Note 13 gives blurry photos of moving subjects. Will this"
                + " be improved?",
            camera,
            lin,
            nora,
            sara,
            "Night mode now uses shorter exposures when it detects motion, from build 24.11.",
            OutcomeClass.PARTLY,
            58);
    schedule(night, 2, lin, 21);
    discuss(night, lin, 20);
    publish(night, lin, 20);
    Answer first = published(night);
    at(night.corrected(sara, ago(18)), night, camera);
    Answer correction =
        Answer.correction(
            first, "Correction: the change ships in build 24.12, not 24.11.", sara, ago(18));
    em.persist(correction);
    em.flush();
    record.answer(night, correction, camera, night.history().get(night.history().size() - 1));
    classify(night, ana, Satisfaction.PARTLY, 17);

    Inquiry ads =
        answered(
            s,
            wei,
            "系统应用中的广告",
            "文件管理和音乐等系统应用仍然显示广告，是否会移除？",
            community,
            lin,
            lin,
            lin,
            "系统应用的广告由业务团队决定；我们已把代表们的意见和投票转交给他们。",
            OutcomeClass.NOT_OUR_REMIT,
            57);
    schedule(ads, 3, lin, 21);
    discuss(ads, lin, 20);
    publish(ads, lin, 20);
    classify(ads, wei, Satisfaction.NOT_SATISFIED, 19);
    InquiryEvent revision = ads.requestRevision(wei, "请说明业务团队何时给出答复。", community, 10, ago(19));
    at(revision, ads, community);

    Inquiry gestures =
        answered(
            s,
            ola,
            "Back gesture sensitivity per side",
            "Left-handed users need a different back-gesture sensitivity on each edge. Is it"
                + " planned?",
            system,
            lin,
            kenji,
            raj,
            "Yes: separate sensitivity for each edge is in development.",
            OutcomeClass.ACCEPTED,
            55);
    schedule(gestures, 4, lin, 21);
    discuss(gestures, lin, 20);

    Inquiry widgets =
        answered(
            s,
            ming,
            "Rain forecast in the weather widget",
            "Can the weather widget show rain expected within the hour?",
            system,
            lin,
            kenji,
            raj,
            "We are evaluating minute-by-minute forecasts with our weather provider.",
            OutcomeClass.PARTLY,
            54);
    schedule(widgets, 5, lin, 21);

    answered(
        s,
        ana,
        "Per-app font size",
        "Some apps are unreadable at the system font size. Can it be set per app?",
        system,
        lin,
        kenji,
        raj,
        "Per-app font size is not planned; the accessibility zoom covers most cases.",
        OutcomeClass.DECLINED,
        53);

    Inquiry search =
        answered(
            s,
            ola,
            "App drawer search is slow",
            "Searching the app drawer takes a second on older phones. Can it be faster?",
            system,
            lin,
            kenji,
            raj,
            "The search index now loads at start-up; results appear at once from build 24.11.",
            OutcomeClass.ACCEPTED,
            52);
    publish(search, lin, 30);

    Inquiry charging = assigned(s, ola, "Charging limit at 80%", system, lin, 50);
    Answer holding =
        Answer.holding(
            charging.id(),
            system.id(),
            "We are measuring battery health with the hardware team; a full answer follows.",
            kenji,
            ago(40));
    InquiryEvent held = charging.holdingAnswer(kenji, ago(40));
    em.persist(holding);
    em.flush();
    record.answer(charging, holding, system, held);

    Inquiry gallery = assigned(s, wei, "相册云同步经常失败", system, lin, 45);
    InquiryEvent transfer = gallery.requestTransfer(camera, kenji, ago(30));
    em.flush();
    record.inquiryEvent(gallery, transfer, system, camera);

    Inquiry nfc = submitted(s, ming, "NFC transit card switching by location", 42);
    at(nfc.admit(lin, ago(41)), nfc, null);

    submitted(s, ola, "Clipboard history with auto-clear", 41);

    Inquiry launcher = submitted(s, wei, "桌面图标自定义形状", 41);
    at(launcher.requestClarification(lin, "请说明是指系统图标还是第三方图标包？", ago(40)), launcher, null);

    Inquiry repair = submitted(s, ana, "My phone repair is delayed", 43);
    at(
        repair.reject(lin, ReasonCode.PERSONAL_CASE, "Please contact customer support.", ago(42)),
        repair,
        null);

    Inquiry drain2 = submitted(s, wei, "待机耗电严重", 43);
    at(drain2.mergeInto(drain, lin, ago(42)), drain2, null);

    Inquiry dark = submitted(s, ola, "Dark mode by sunset", 44);
    at(dark.withdraw(ola, "Shipped in the meantime.", ago(43)), dark, null);

    Inquiry draft =
        Inquiry.draft(
            s,
            ming,
            InquiryKind.SUGGESTION,
            "Quieter charging sound at night",
            "Make the charging sound follow the do-not-disturb schedule.",
            "None.",
            List.of(),
            List.of(),
            ago(45));
    em.persist(draft);

    ImprovementPlan standby =
        plan("Standby drain fixes", system, null, 1, 40, -20, List.of(drain.id()));
    ImprovementPlan wakeLocks =
        plan("Remove wake-locks of the sync service", system, standby, 2, 40, -30, List.of());
    wakeLocks.report(PlanStatus.DONE, null);
    wakeLocks.milestone(day(35), "Fix merged and shipped in the weekly build.", raj, ago(35));
    record.plan("plan.milestone", wakeLocks, system, day(35) + ": Fix merged");
    record.plan("plan.completed", wakeLocks, system, null);
    ImprovementPlan report =
        plan("Overnight drain report per app", system, standby, 1, 40, -20, List.of());
    report.report(PlanStatus.IN_PROGRESS, 40);
    report.milestone(day(10), "Beta to 2,000 trusted testers.", kenji, ago(10));
    record.plan("plan.milestone", report, system, day(10) + ": Beta to 2,000 trusted testers.");

    ImprovementPlan nightPlan =
        plan("Motion-aware night mode", camera, null, 1, 50, 10, List.of(night.id()));
    nightPlan.report(PlanStatus.DONE, null);
    nightPlan.confirmCompletion(ana, ago(5));
    record.plan("plan.completed", nightPlan, camera, "confirmed by delegate");

    plan("Business team answer on system-app ads", community, null, 1, 30, 5, List.of(ads.id()))
        .report(PlanStatus.IN_PROGRESS, null);

    session.goLive();
    session.end();
    em.flush();
  }

  private Inquiry submitted(long session, MemberId author, String heading, int daysAgo) {
    Inquiry inquiry =
        Inquiry.draft(
            session,
            author,
            InquiryKind.QUESTION,
            heading,
            heading + ": what is planned?",
            "I use this every day.",
            List.of(),
            List.of(),
            ago(daysAgo));
    em.persist(inquiry);
    em.flush();
    InquiryEvent event = inquiry.submit(author, ago(daysAgo));
    inquiry.numbered(ago(daysAgo));
    at(event, inquiry, null);
    return inquiry;
  }

  private Inquiry assigned(
      long session, MemberId author, String heading, Department to, MemberId manager, int daysAgo) {
    Inquiry inquiry = submitted(session, author, heading, daysAgo);
    at(inquiry.admit(manager, ago(daysAgo - 1)), inquiry, null);
    at(inquiry.assign(to, 10, null, manager, ago(daysAgo - 1)), inquiry, to);
    return inquiry;
  }

  private Inquiry answered(
      long session,
      MemberId author,
      String heading,
      String body,
      Department to,
      MemberId manager,
      MemberId responder,
      MemberId lead,
      String answer,
      OutcomeClass outcome,
      int daysAgo) {
    Inquiry inquiry =
        Inquiry.draft(
            session,
            author,
            InquiryKind.QUESTION,
            heading,
            body,
            "I own the device.",
            List.of(),
            List.of(),
            ago(daysAgo));
    em.persist(inquiry);
    em.flush();
    InquiryEvent submitted = inquiry.submit(author, ago(daysAgo));
    inquiry.numbered(ago(daysAgo));
    at(submitted, inquiry, null);
    at(inquiry.admit(manager, ago(daysAgo - 1)), inquiry, null);
    at(inquiry.assign(to, 10, null, manager, ago(daysAgo - 1)), inquiry, to);
    Answer draft =
        Answer.draft(inquiry.id(), to.id(), answer, outcome, responder, ago(daysAgo - 8));
    draft.approve(lead, ago(daysAgo - 9));
    em.persist(draft);
    at(inquiry.answered(lead, ago(daysAgo - 9)), inquiry, to);
    return inquiry;
  }

  private void schedule(Inquiry inquiry, int position, MemberId manager, int daysAgo) {
    at(inquiry.schedule(position, manager, ago(daysAgo)), inquiry, department(inquiry));
  }

  private void discuss(Inquiry inquiry, MemberId manager, int daysAgo) {
    at(inquiry.discuss(manager, ago(daysAgo)), inquiry, department(inquiry));
  }

  private void publish(Inquiry inquiry, MemberId actor, int daysAgo) {
    InquiryEvent event = inquiry.publish(actor, ago(daysAgo));
    Answer answer =
        em.createQuery("SELECT a FROM Answer a WHERE a.inquiryId = :i", Answer.class)
            .setParameter("i", inquiry.id())
            .getSingleResult();
    answer.publish(ago(daysAgo));
    em.flush();
    record.answer(inquiry, answer, department(inquiry), event);
  }

  private Answer published(Inquiry inquiry) {
    return em.createQuery("SELECT a FROM Answer a WHERE a.inquiryId = :i", Answer.class)
        .setParameter("i", inquiry.id())
        .getSingleResult();
  }

  private void classify(Inquiry inquiry, MemberId delegate, Satisfaction s, int daysAgo) {
    at(inquiry.classify(delegate, s, ago(daysAgo)), inquiry, department(inquiry));
  }

  private void at(InquiryEvent event, Inquiry inquiry, Department department) {
    em.flush();
    record.inquiryEvent(inquiry, event, department);
  }

  private Department department(Inquiry inquiry) {
    return em.find(Department.class, inquiry.departmentId());
  }

  private ImprovementPlan plan(
      String title,
      Department department,
      ImprovementPlan parent,
      int weight,
      int startedDaysAgo,
      int dueInDays,
      List<Long> inquiries) {
    ImprovementPlan plan =
        new ImprovementPlan(
            title,
            title + ", as promised in the session.",
            department.id(),
            parent,
            weight,
            day(startedDaysAgo),
            day(-dueInDays),
            inquiries,
            ago(startedDaysAgo));
    em.persist(plan);
    em.flush();
    record.plan("plan.created", plan, department, null);
    return plan;
  }

  private Department department(
      String name, MemberId lead, List<MemberId> responders, List<LocalDate> holidays) {
    Department d = new Department(name, lead, responders, holidays, ago(90));
    em.persist(d);
    em.flush();
    return d;
  }

  private MemberId grant(Map<String, Long> members, String key, String role) {
    Member member = em.find(Member.class, members.get(key));
    member.grant(role);
    return member.id();
  }

  private Instant ago(int days) {
    return now.minus(Duration.ofDays(days));
  }

  private LocalDate day(int daysAgo) {
    return LocalDate.ofInstant(ago(daysAgo), ZoneOffset.UTC);
  }
}
