import { createUserSchema, resetPasswordSchema, setUserDisabledSchema, updateUserSchema } from '@kader/workflow';
import { createUser } from '../services/users/createUser';
import { listUsers } from '../services/users/listUsers';
import { resetUserPassword } from '../services/users/resetUserPassword';
import { setUserDisabled } from '../services/users/setUserDisabled';
import { updateUserProfile } from '../services/users/updateUserProfile';
import { rolesProcedure, router } from '../trpc';

const admin = rolesProcedure('admin');

export const usersRouter = router({
  list: admin.query(({ ctx }) => listUsers({ ctx })),
  create: admin.input(createUserSchema).mutation(({ ctx, input }) => createUser({ ctx, input })),
  update: admin.input(updateUserSchema).mutation(({ ctx, input }) => updateUserProfile({ ctx, input })),
  setDisabled: admin.input(setUserDisabledSchema).mutation(({ ctx, input }) => setUserDisabled({ ctx, input })),
  resetPassword: admin.input(resetPasswordSchema).mutation(({ ctx, input }) => resetUserPassword({ ctx, input })),
});
