import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './router';

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

/** A period as every page shows it (an application's answer carries the same); the quota page's list adds `areaQuotas`. */
export type Period = Omit<Outputs['periods']['list'][number], 'areaQuotas'>;
export type Board = Outputs['applications']['board'];
export type BoardColumn = Board['columns'][number];
export type BoardCard = BoardColumn['items'][number];
export type RegisterInput = Inputs['candidates']['register'];
export type ApplicationDetail = Outputs['applications']['get'];
export type Me = Outputs['auth']['me']['user'];
export type UserRow = Outputs['users']['list'][number];
export type BranchOption = Outputs['branches']['list'][number];
export type CandidateUpdateInput = Inputs['candidates']['update'];

// Contract years, monthly performance, renewal (issue 4)
export type ContractListInput = Inputs['contracts']['list'];
export type ContractList = Outputs['contracts']['list'];
export type ContractCard = ContractList['items'][number];
export type RenewalQueue = Outputs['contracts']['renewalQueue'];
export type ContractDetail = Outputs['contracts']['get'];
export type ContractMonth = ContractDetail['months'][number];
export type ImportResult = Outputs['contracts']['importMonths'];
