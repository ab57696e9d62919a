/** People and planning: sign-in, passwords, users, branches, quotas, periods and their rules. */
import { m, text } from '../message';

export const peopleMessages = {};
