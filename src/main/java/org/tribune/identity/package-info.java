/**
 * Identity: who a caller is and what they may do.
 *
 * <p>Every other component depends on this one and on nothing else of it than {@code
 * CurrentMember}, {@code MemberId}, {@code Roles}, {@code AuditLog} and {@code @RolesAllowed}.
 * Authentication is one Jakarta Security mechanism ({@code TribuneAuthentication}) that accepts an
 * API token or the session cookie and names the caller by member id, with the role names as groups.
 * Sessions and tokens live in the database (several instances, no sticky sessions), and resolved
 * credentials are cached in memory for 30 seconds, which is the bound on how long a revocation or
 * role change made on another instance takes to reach this one.
 *
 * <p>Rules that can be stated without a container are plain classes in {@code control} ({@code
 * PasswordPolicy}, {@code CsrfRule}, {@code SignInThrottle}, {@code CallerCache}) and are unit
 * tested; the HTTP behaviour is covered by the {@code *IT} classes.
 */
package org.tribune.identity;
