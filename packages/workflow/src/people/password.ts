/**
 * Sign-in and passwords: what a sign-in sends, what a new password must be, and the change of a
 * password. The server parses with these; the admin's forms check the same schemas in the browser.
 * Messages are catalogue ids (text/messages/people.ts); a field without its own message gets the
 * generic one (required, too long).
 */
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** A user name as typed at sign-in (checked against the accounts, not against the format). */
const LOGIN_NAME_MAX_LENGTH = 60;

/** A password someone sets: at least 10 characters (an empty one too is told so). */
export const newPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH, 'PASSWORD_TOO_SHORT').max(PASSWORD_MAX_LENGTH);

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(LOGIN_NAME_MAX_LENGTH),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

const changePasswordFields = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema,
});

const differsFromCurrent = (v: { currentPassword: string; newPassword: string }) => v.newPassword !== v.currentPassword;
const DIFFERENT = { message: 'PASSWORD_SAME_AS_CURRENT', path: ['newPassword'] };

/** `auth.changePassword`: the current password and a new one that is not the same. */
export const changePasswordSchema = changePasswordFields.refine(differsFromCurrent, DIFFERENT);

/** The change-password form: the same, plus the new password typed a second time. */
export const changePasswordFormSchema = changePasswordFields
  .extend({ confirm: z.string() })
  .refine(differsFromCurrent, DIFFERENT)
  .refine((v) => v.confirm === v.newPassword, { message: 'PASSWORD_MISMATCH', path: ['confirm'] });

/** `users.resetPassword`: an admin sets a temporary password (changed at the next sign-in). */
export const resetPasswordSchema = z.object({ id: z.number().int().positive(), newPassword: newPasswordSchema });
