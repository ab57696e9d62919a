/** The contract year: monthly records and their import, KPI and fee settings, decisions, scorecards, the agreement PDF. */
import { m, text } from '../message';

export const contractMessages = {};
