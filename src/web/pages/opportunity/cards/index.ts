// The cards of the opportunity page: buying center, risks, next actions, key
// facts, competitors. One file per card.
export { BuyingCenterCard } from './BuyingCenterCard';
export { CompetitorsCard } from './CompetitorsCard';
export { FactsCard } from './FactsCard';
export { NextActionsCard } from './NextActionsCard';
export { RisksCard } from './RisksCard';
