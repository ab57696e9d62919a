import { z } from 'zod';

/** Highest completed education. SMA/sederajat covers SMA, SMK, MA and Paket C (domain C). */
export const EDUCATION_LEVELS = ['SD', 'SMP', 'SMA', 'SMK', 'MA', 'PAKET_C', 'D3', 'S1', 'S2'] as const;
export const educationSchema = z.enum(EDUCATION_LEVELS);
export type Education = z.infer<typeof educationSchema>;

export const AT_LEAST_SMA: Education[] = ['SMA', 'SMK', 'MA', 'PAKET_C', 'D3', 'S1', 'S2'];
