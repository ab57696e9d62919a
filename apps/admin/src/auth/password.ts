/** Client-side checks of a new password (the server checks again; its answer wins). Pure. */
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordProblem = 'register.required' | 'password.tooShort' | 'password.mismatch' | 'password.sameAsOld';

/** A temporary or initial password set by an admin. */
export function checkPassword(password: string): PasswordProblem | null {
  if (!password) return 'register.required';
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'password.tooShort';
  return null;
}

/** The change-password form: current, new, and the new one again. Problems keyed by field. */
export function checkPasswordChange(v: {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}): Partial<Record<'currentPassword' | 'newPassword' | 'confirm', PasswordProblem>> {
  const out: Partial<Record<'currentPassword' | 'newPassword' | 'confirm', PasswordProblem>> = {};
  if (!v.currentPassword) out.currentPassword = 'register.required';
  const problem = checkPassword(v.newPassword);
  if (problem) out.newPassword = problem;
  else if (v.newPassword === v.currentPassword) out.newPassword = 'password.sameAsOld';
  if (!out.newPassword && v.confirm !== v.newPassword) out.confirm = 'password.mismatch';
  return out;
}
