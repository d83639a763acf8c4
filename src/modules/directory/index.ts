export { directoryRoutes } from './directory.routes.ts';
export { loadProfile, parseProfile, ProfileError } from './load-profile.ts';
export type { CardProduct, IssuerProfile, ProductLine, RewardRules } from './profile.schema.ts';
