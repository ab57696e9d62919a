import { z } from 'zod';
import { newPasswordSchema } from '../services/auth';
import {
  createUser,
  createUserSchema,
  listBranches,
  listUsers,
  resetUserPassword,
  setUserDisabled,
  updateUserProfile,
  updateUserSchema,
} from '../services/users';
import { createBranch, createBranchSchema } from '../services/planning';
import { rolesProcedure, router, signedInProcedure } from '../trpc';

const admin = rolesProcedure('admin');
const id = z.number().int().positive();

export const usersRouter = router({
  list: admin.query(({ ctx }) => listUsers({ ctx })),
  create: admin.input(createUserSchema).mutation(({ ctx, input }) => createUser({ ctx, input })),
  update: admin.input(updateUserSchema).mutation(({ ctx, input }) => updateUserProfile({ ctx, input })),
  setDisabled: admin.input(z.object({ id, disabled: z.boolean() })).mutation(({ ctx, input }) => setUserDisabled({ ctx, input })),
  resetPassword: admin
    .input(z.object({ id, newPassword: newPasswordSchema }))
    .mutation(({ ctx, input }) => resetUserPassword({ ctx, input })),
});

export const branchesRouter = router({
  list: signedInProcedure.query(({ ctx }) => listBranches({ ctx })),
  create: admin.input(createBranchSchema).mutation(({ ctx, input }) => createBranch({ ctx, input })),
});
