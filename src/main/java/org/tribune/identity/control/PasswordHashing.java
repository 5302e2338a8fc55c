package org.tribune.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Password hashes with Jakarta Security's PBKDF2: HMAC-SHA-512, 210,000 iterations (OWASP's 2023
 * figure for this PRF), 32-byte salt. The stored form names its algorithm, iterations and salt, so
 * raising the cost later leaves old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHashing {

  @Inject Pbkdf2PasswordHash pbkdf2;

  private String dummyHash;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    dummyHash = pbkdf2.generate(Secrets.newCsrfToken().toCharArray());
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  /**
   * Whether the password matches. With no stored hash (unknown email, or an account without a
   * password) it still does the full work against a dummy hash, so that the response time does not
   * tell an attacker which emails have accounts.
   */
  public boolean verify(String password, String storedHash) {
    char[] chars = password == null ? new char[0] : password.toCharArray();
    if (storedHash == null) {
      pbkdf2.verify(chars, dummyHash);
      return false;
    }
    return pbkdf2.verify(chars, storedHash);
  }
}
