import { changePasswordSchema, loginSchema } from '@kader/workflow';
import { changePassword } from '../services/auth/changePassword';
import { login } from '../services/auth/login';
import { logout } from '../services/auth/logout';
import { me } from '../services/auth/me';
import { anyoneProcedure, router, signedInProcedure } from '../trpc';

export const authRouter = router({
  login: anyoneProcedure.input(loginSchema).mutation(({ ctx, input }) => login({ ctx, input })),
  logout: signedInProcedure.mutation(({ ctx }) => logout({ ctx })),
  me: signedInProcedure.query(({ ctx }) => me({ ctx })),
  changePassword: signedInProcedure.input(changePasswordSchema).mutation(({ ctx, input }) => changePassword({ ctx, input })),
});
