// Public door of the cards module: card controls (lock, unlock, block, reissue) and decline explanations.
export { cardsRoutes } from './cards.routes.ts';
export { type AuditActor, blockCardIn, type CardDeps, type CardView, cardView, reissueCardIn, type Reissued } from './card-controls.ts';
export { type DeclineExplanation, explainDecline } from './decline-reasons.ts';
