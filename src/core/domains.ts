/** The policy domains in which regional tasks (opgaven) arise. */
export const DOMAINS = ['housing', 'transport', 'economy', 'social', 'operations'] as const;
export type Domain = (typeof DOMAINS)[number];


