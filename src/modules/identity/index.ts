export { identityRoutes } from './identity.routes.ts';
export { signIn } from './sign-in.ts';
export { findUserByEmail, findUserById } from './users.repo.ts';
