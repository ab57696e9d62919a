/** How a user is named in the UI: "Rekruter · KC Madiun", "Admin · Kantor Pusat". Pure. */
import type { Lang } from '@kader/workflow';
import { translate, translateDynamic } from '../i18n';

export function roleLabel(role: string, lang: Lang): string {
  return translateDynamic(lang, `role.${role}`, role);
}

export function officeLabel(branch: { name: string } | null, lang: Lang): string {
  return branch ? branch.name : translate(lang, 'office.headOffice');
}

export function userLine(user: { role: string; branch: { name: string } | null }, lang: Lang): string {
  return translate(lang, 'user.line', { role: roleLabel(user.role, lang), office: officeLabel(user.branch, lang) });
}
