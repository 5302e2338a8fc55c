package org.tribune.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.tribune.identity.control.PasswordHashing;
import org.tribune.identity.control.Secrets;
import org.tribune.identity.control.SignInThrottle;
import org.tribune.identity.entity.AuthSession;
import org.tribune.identity.entity.EmailAddress;
import org.tribune.identity.entity.Member;
import org.tribune.platform.entity.DomainException;

/** Browser sessions: sign-in with email and password, and sign-out. */
@ApplicationScoped
@Transactional
public class Sessions {

  @PersistenceContext EntityManager em;
  @Inject PasswordHashing passwords;
  @Inject Accounts accounts;
  @Inject Event<CredentialsChanged> credentialsChanged;

  private final SignInThrottle throttle =
      new SignInThrottle(
          SignInThrottle.DEFAULT_MAX_FAILURES, SignInThrottle.DEFAULT_WINDOW, Clock.systemUTC());

  /** A new session; the cookie value exists only here and in the client's cookie jar. */
  public record Opened(Member member, String cookieValue, String csrfToken, Instant expiresAt) {}

  /**
   * Signs in. Unknown email and wrong password give the same 401 after the same hashing work, so
   * neither the answer nor its timing says whether an account exists.
   */
  public Opened signIn(String emailText, String password) {
    if (emailText == null || password == null) {
      throw DomainException.invalid(emailText == null ? "email" : "password", "is required");
    }
    String key = emailText.strip().toLowerCase(java.util.Locale.ROOT);
    Optional<Duration> wait = throttle.waitBeforeTrying(key);
    if (wait.isPresent()) {
      throw new SignInThrottled(wait.get());
    }
    Optional<Member> member = parse(emailText).flatMap(accounts::byEmail);
    boolean matches = passwords.verify(password, member.map(Member::passwordHash).orElse(null));
    if (!matches || member.isEmpty()) {
      throttle.recordFailure(key);
      throw DomainException.unauthenticated("The email or the password is wrong.");
    }
    throttle.recordSuccess(key);
    return open(member.get());
  }

  /** Right after sign-up: the new member is signed in without typing the password again. */
  public Opened open(Member member) {
    String cookie = Secrets.newSessionToken();
    AuthSession session =
        AuthSession.open(Secrets.hash(cookie), member.id(), Secrets.newCsrfToken(), Instant.now());
    em.persist(session);
    return new Opened(member, cookie, session.csrfToken(), session.expiresAt());
  }

  /** The live session behind a cookie, for a reloaded page that needs its CSRF token again. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Opened> current(String cookie) {
    if (!Secrets.looksLikeSessionToken(cookie)) {
      return Optional.empty();
    }
    AuthSession session = em.find(AuthSession.class, Secrets.hash(cookie));
    if (session == null || !session.isLiveAt(Instant.now())) {
      return Optional.empty();
    }
    Member member = em.find(Member.class, session.member().value());
    return Optional.ofNullable(member)
        .map(m -> new Opened(m, cookie, session.csrfToken(), session.expiresAt()));
  }

  public void signOut(String cookie) {
    if (!Secrets.looksLikeSessionToken(cookie)) {
      return;
    }
    String hash = Secrets.hash(cookie);
    AuthSession session = em.find(AuthSession.class, hash);
    if (session != null) {
      session.revoke(Instant.now());
      credentialsChanged.fire(new CredentialsChanged(session.member(), hash));
    }
  }

  private static Optional<EmailAddress> parse(String email) {
    try {
      return Optional.of(EmailAddress.parse(email));
    } catch (DomainException e) {
      return Optional.empty();
    }
  }

  /** {@code 429 rate-limited} with Retry-After: too many failed sign-ins for one email. */
  public static final class SignInThrottled extends DomainException {
    private static final long serialVersionUID = 1L;

    SignInThrottled(Duration wait) {
      super(
          Kind.TOO_MANY,
          "rate-limited",
          "Too many sign-in attempts",
          "Too many failed sign-ins for this email; try again later.");
      with("retryAfterSeconds", Math.max(1, (wait.toMillis() + 999) / 1000));
    }
  }
}
