/** Words of the people and planning pages (users, branches, quotas, periods) that are not in dict.ts. */
export const peopleId = {};

export const peopleEn: Record<keyof typeof peopleId, string> = {};
