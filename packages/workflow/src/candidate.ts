import { z } from 'zod';
import { educationSchema } from './education';
import { normalizeNik, parseNik } from './nik';
import { normalizePhone } from './phone';

const required = (what: string, max = 200) =>
  z
    .string({ message: `${what} wajib diisi` })
    .trim()
    .min(1, `${what} wajib diisi`)
    .max(max, `${what} terlalu panjang`);

/** The NIK as typed: spaces allowed; checked for 16 digits and a real birth date (domain B7). */
export const nikSchema = z
  .string({ message: 'NIK wajib diisi' })
  .transform(normalizeNik)
  .superRefine((nik, ctx) => {
    const parsed = parseNik(nik, new Date().toISOString().slice(0, 10));
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  });

export const phoneSchema = z.string({ message: 'Nomor HP wajib diisi' }).transform((raw, ctx) => {
  const e164 = normalizePhone(raw);
  if (!e164) {
    ctx.addIssue({ code: 'custom', message: 'Nomor HP harus nomor seluler Indonesia: 08…, 628… atau +628… (10-13 digit)' });
    return z.NEVER;
  }
  return e164;
});

export const addressSchema = z.object({
  street: required('Alamat jalan'),
  rtRw: z
    .string()
    .trim()
    .regex(/^\d{1,3}\/\d{1,3}$/, 'RT/RW berformat 001/002'),
  village: required('Desa/kelurahan'),
  district: required('Kecamatan'),
  regency: required('Kabupaten/kota'),
});

export const candidateSchema = z.object({
  nik: nikSchema,
  name: required('Nama', 120),
  phone: phoneSchema,
  education: educationSchema,
  address: addressSchema,
});

/** Input of `candidates.register`: one candidate applying in one recruitment period. */
export const registerCandidateSchema = z.object({
  periodId: z.number().int().positive(),
  workAreaId: z.number({ message: 'Wilayah kerja wajib dipilih' }).int().positive(),
  candidate: candidateSchema,
});
export type RegisterCandidateInput = z.input<typeof registerCandidateSchema>;
