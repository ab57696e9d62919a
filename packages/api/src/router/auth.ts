import { changePassword, changePasswordSchema, login, loginSchema, logout, me } from '../services/auth';
import { anyoneProcedure, router, signedInProcedure } from '../trpc';

export const authRouter = router({
  login: anyoneProcedure.input(loginSchema).mutation(({ ctx, input }) => login({ ctx, input })),
  logout: signedInProcedure.mutation(({ ctx }) => logout({ ctx })),
  me: signedInProcedure.query(({ ctx }) => me({ ctx })),
  changePassword: signedInProcedure.input(changePasswordSchema).mutation(({ ctx, input }) => changePassword({ ctx, input })),
});
