/** Recruitment: registration, NIK and phone, the selection events, their date rules and refusals. */
import { m, text } from '../message';

export const recruitmentMessages = {};
