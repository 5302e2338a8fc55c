package org.tribune.qa.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.qa.entity.Inquiry;
import org.tribune.qa.entity.InquiryEvent;
import org.tribune.qa.entity.InquiryState;
import org.tribune.qa.entity.QaSession;
import org.tribune.qa.entity.ReleaseMode;

/**
 * Sessions, their agenda and their live controls (community managers), one transaction per call.
 * Every change a watcher would see is fired as {@link LiveRelay.LiveChanged} and pushed, on every
 * instance, after the commit.
 */
@ApplicationScoped
@Transactional
public class Sessions {

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  @Inject QaAccess access;
  @Inject QaCatalog catalog;
  @Inject PublicRecord record;
  @Inject Inquiries inquiries;
  @Inject Event<LiveRelay.LiveChanged> liveChanged;

  Clock clock = Clock.systemUTC();

  public record NewSession(
      String title,
      LocalDate date,
      Instant filingOpens,
      Instant filingCloses,
      ReleaseMode releaseMode,
      List<Long> delegates) {}

  public SessionView create(NewSession s) {
    access.manager();
    if (s.date() == null) {
      throw DomainException.invalid("date", "is required");
    }
    if (s.filingOpens() == null || s.filingCloses() == null) {
      throw DomainException.invalid("filingCloses", "filingOpens and filingCloses are required");
    }
    QaSession session =
        new QaSession(
            s.title(),
            s.date(),
            s.filingOpens(),
            s.filingCloses(),
            s.releaseMode() == null ? ReleaseMode.HELD : s.releaseMode(),
            delegates(s.delegates()),
            now());
    em.persist(session);
    em.flush();
    return catalog.session(session, now());
  }

  public List<SessionView> list() {
    Instant now = now();
    return em
        .createQuery("SELECT s FROM QaSession s ORDER BY s.heldOn DESC, s.id DESC", QaSession.class)
        .setMaxResults(100)
        .getResultList()
        .stream()
        .map(s -> catalog.session(s, now))
        .toList();
  }

  public SessionView get(long id) {
    return catalog.session(find(id), now());
  }

  public LiveView live(long id) {
    return catalog.live(find(id), now());
  }

  public SessionView record(long id, String videoUrl, String transcriptUrl, String minutes) {
    access.manager();
    QaSession session = find(id);
    session.record(videoUrl, transcriptUrl, minutes);
    em.flush();
    return catalog.session(session, now());
  }

  /**
   * Puts inquiries on the agenda in the given order. Answered ones become scheduled; published ones
   * (answers released at once) keep their state and get a position.
   */
  public SessionView agenda(long id, List<Long> order) {
    MemberId manager = access.manager();
    QaSession session = em.find(QaSession.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (session == null) {
      throw DomainException.notFound("Session", id);
    }
    if (order == null
        || order.isEmpty()
        || order.size() > 200
        || new HashSet<>(order).size() != order.size()) {
      throw DomainException.invalid("inquiries", "1–200 distinct inquiry ids");
    }
    Instant now = now();
    int position = 1;
    for (Long inquiryId : order) {
      Inquiry inquiry = em.find(Inquiry.class, inquiryId, LockModeType.PESSIMISTIC_WRITE);
      if (inquiry == null || inquiry.sessionId() != id || inquiry.state() == InquiryState.DRAFT) {
        throw DomainException.invalid(
            "inquiries", "inquiry " + inquiryId + " is not in this session");
      }
      if (inquiry.agendaPosition() == null || inquiry.agendaPosition() != position) {
        InquiryEvent scheduled = inquiry.schedule(position, manager, now);
        em.flush();
        record.inquiryEvent(inquiry, scheduled, inquiries.responsible(inquiry));
      }
      position++;
    }
    em.flush();
    changed(session);
    return catalog.session(session, now);
  }

  public enum LiveAction {
    START,
    SHOW,
    DISCUSSED,
    RELEASE,
    END
  }

  /** The live controls: start, show an agenda item, mark it discussed, release its answer, end. */
  public LiveView control(long id, LiveAction action, Long inquiryId) {
    MemberId manager = access.manager();
    QaSession session = em.find(QaSession.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (session == null) {
      throw DomainException.notFound("Session", id);
    }
    Instant now = now();
    switch (action) {
      case START -> session.goLive();
      case END -> session.end();
      case SHOW -> session.showItem(agendaItem(session, inquiryId).id());
      case DISCUSSED -> {
        Inquiry inquiry = agendaItem(session, inquiryId);
        InquiryEvent event = inquiry.discuss(manager, now);
        em.flush();
        record.inquiryEvent(inquiry, event, inquiries.responsible(inquiry));
      }
      case RELEASE -> {
        Inquiry inquiry = agendaItem(session, inquiryId);
        inquiries.publishAnswer(inquiry, manager, now);
      }
    }
    em.flush();
    liveChanged.fire(new LiveRelay.LiveChanged(session.id()));
    return catalog.live(session, now);
  }

  private Inquiry agendaItem(QaSession session, Long inquiryId) {
    if (inquiryId == null) {
      throw DomainException.invalid("inquiry", "is required for this action");
    }
    Inquiry inquiry = em.find(Inquiry.class, inquiryId, LockModeType.PESSIMISTIC_WRITE);
    if (inquiry == null
        || inquiry.sessionId() != session.id()
        || inquiry.agendaPosition() == null) {
      throw DomainException.invalid("inquiry", "inquiry " + inquiryId + " is not on the agenda");
    }
    return inquiry;
  }

  private void changed(QaSession session) {
    liveChanged.fire(new LiveRelay.LiveChanged(session.id()));
  }

  private Set<MemberId> delegates(List<Long> ids) {
    Set<MemberId> delegates = new HashSet<>();
    if (ids == null) {
      return delegates;
    }
    if (ids.size() > 500) {
      throw DomainException.invalid("delegates", "at most 500");
    }
    for (Long id : ids) {
      Number exists =
          (Number)
              em.createNativeQuery("SELECT COUNT(*) FROM member WHERE id = ?1")
                  .setParameter(1, id)
                  .getSingleResult();
      if (exists.longValue() == 0) {
        throw DomainException.invalid("delegates", "member " + id + " does not exist");
      }
      delegates.add(new MemberId(id));
    }
    return delegates;
  }

  private QaSession find(long id) {
    QaSession session = em.find(QaSession.class, id);
    if (session == null) {
      throw DomainException.notFound("Session", id);
    }
    return session;
  }

  private Instant now() {
    return clock.instant();
  }
}
