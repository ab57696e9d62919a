/** Words of the people and planning pages (users, branches, quotas, periods) that are not in dict.ts. */
export const peopleId = {
  'quota.codeExample': 'KC-XXX',
  'quota.nameExample': 'KC Surabaya',
  'quota.workAreaExample': 'Kota Surabaya',
} as const;

export const peopleEn: Record<keyof typeof peopleId, string> = {
  'quota.codeExample': 'KC-XXX',
  'quota.nameExample': 'KC Surabaya',
  'quota.workAreaExample': 'Kota Surabaya',
};
