// Who is signed in, kept in memory only. The CSRF token comes from the sign-in / sign-up /
// GET /api/v1/session answer and is never stored anywhere the page outlives.
const listeners = new Set();

export const session = {
  member: null,
  csrfToken: null,
  budget: null,
};

export function signedIn() {
  return session.member !== null;
}

export function hasRole(role) {
  return !!session.member && Array.isArray(session.member.roles) && session.member.roles.includes(role);
}

export function isManager() {
  return hasRole('community_manager') || hasRole('admin');
}

export function setSession(body) {
  session.member = body && body.member ? body.member : null;
  session.csrfToken = body && body.csrfToken ? body.csrfToken : null;
  if (!session.member) session.budget = null;
  notify();
}

export function clearSession() {
  session.member = null;
  session.csrfToken = null;
  session.budget = null;
  notify();
}

export function setBudget(budget) {
  session.budget = budget;
  notify();
}

/** Updates only the remaining count, as a vote or a withdrawal answers it. */
export function setRemaining(remaining) {
  if (typeof remaining !== 'number') return;
  const limit = session.budget ? session.budget.limit : undefined;
  session.budget = {
    ...(session.budget || {}),
    remaining,
    used: typeof limit === 'number' ? limit - remaining : undefined,
  };
  notify();
}

export function onSessionChange(fn) {
  listeners.add(fn);
}

function notify() {
  listeners.forEach((fn) => fn(session));
}
