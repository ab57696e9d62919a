import { type DbOrTx, regionChain } from '@kader/db';
import { fieldMsg, msg } from '@kader/workflow';
import { DomainError } from '../../errors';

type AddressInput = { street: string; rtRw: string; village: string; district: string; regency: string; villageCode?: string };

/**
 * The columns a candidate's address is stored in. With a village code, the codes of the chain and
 * the dataset's names of the village, district and regency/city (what was typed beside a code is
 * not kept); without one, the free text as typed and no codes. An unknown code is refused on
 * `<path>.villageCode`, nothing written.
 */
export function addressColumns(db: DbOrTx, address: AddressInput, path: string) {
  const { villageCode, ...text } = address;
  if (villageCode === undefined) {
    return { ...text, provinceCode: null, regencyCode: null, districtCode: null, villageCode: null };
  }
  const chain = regionChain(db, villageCode);
  const [province, regency, district, village] = chain ?? [];
  if (!province || !regency || !district || !village || village.level !== 'village') {
    const unknown = msg('REGION_CODE_UNKNOWN', { code: villageCode });
    throw new DomainError('VALIDATION', unknown, {
      fields: [fieldMsg(`${path}.villageCode`, 'REGION_CODE_UNKNOWN', { code: villageCode })],
    });
  }
  return {
    street: text.street,
    rtRw: text.rtRw,
    village: village.name,
    district: district.name,
    regency: regency.name,
    provinceCode: province.code,
    regencyCode: regency.code,
    districtCode: district.code,
    villageCode: village.code,
  };
}
