import { api } from './api.js';
import { signedIn, setBudget } from './session.js';
import { showError } from './messages.js';

/** Fetches the weekly vote budget of the signed-in member into the session. */
export async function loadBudget() {
  if (!signedIn()) return null;
  try {
    const budget = await api('GET', '/me/budget');
    setBudget(budget);
    return budget;
  } catch (err) {
    showError(err);
    return null;
  }
}
